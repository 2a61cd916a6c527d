//! Linking each quote to its source.
//!
//! In order: a cue in the quote's own sentence (after the closing mark —
//! `,” the Kremlin said` — or before the opening one — `X said: “…”`,
//! `X said that … “fragment”`); a speaker label inside the quote
//! (`"WALLACE: …"`); a cue in the adjacent sentence (`“…” That was how X
//! put it.`, `X said:` ending the sentence before); the speaker of the
//! chain for a continued quote; the previous quote's speaker in the same
//! paragraph; and the speaker of the quote that ends the previous
//! paragraph for a paragraph that is one quote. Fragments nobody speaks in
//! a sentence without any cue are scare quotes.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::cues::{Cue, CuePattern, Mention, MentionKind};
use crate::lang::LangRules;
use crate::lower::lower;
use crate::quotes::{Quote, QuoteKind};
use crate::span::Span;
use crate::speakers::{NameSighting, Resolution, SpeakerTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// A cue in the quote's own sentence.
    SameSentence,
    /// A speaker label inside the quote: `"WALLACE: …"`.
    SpeakerLabel,
    /// A cue in the sentence before or after.
    AdjacentSentence,
    /// No cue: the subject that opens the quote's sentence.
    SentenceSubject,
    /// The speaker of the multi-paragraph quote this paragraph continues.
    Continuation,
    /// The speaker of the previous quote in the same paragraph.
    PreviousQuote,
    /// The speaker of the quote ending the previous paragraph.
    ParagraphCarryOver,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::SameSentence => "same-sentence",
            Method::SpeakerLabel => "speaker-label",
            Method::AdjacentSentence => "adjacent-sentence",
            Method::SentenceSubject => "sentence-subject",
            Method::Continuation => "continuation",
            Method::PreviousQuote => "previous-quote",
            Method::ParagraphCarryOver => "paragraph-carry-over",
        }
    }
}

/// How sure the attribution is: an enum, so snapshots are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub quote: u32,
    /// The source mention as written, nearest to the quote.
    pub mention: Mention,
    /// Index of the speaker in the speaker table.
    pub speaker: Option<u32>,
    pub resolution: Option<Resolution>,
    /// Index of the cue.
    pub cue: Option<u32>,
    pub method: Method,
    pub confidence: Confidence,
    /// For a pronoun: another person named as near, whom it could mean.
    pub rival: Option<Span>,
}

/// Inputs of the attribution stage.
pub struct Input<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Span],
    pub sentences: &'a [Span],
    pub quotes: &'a [Quote],
    pub cues: &'a [Cue],
    pub sightings: &'a [NameSighting],
    pub rules: &'a LangRules,
}

/// Lookups that keep the stage linear: cues by sentence, top-level quotes
/// by position.
struct Index {
    /// `cue_at[si]..cue_at[si + 1]` are the cues of sentence `si`.
    cue_at: Vec<usize>,
    /// Top-level quotes: (outer, content), sorted by start.
    top: Vec<(Span, Span)>,
}

impl Index {
    fn new(inp: &Input) -> Index {
        // (Cues are in sentence order: one walk finds every sentence's
        // first cue, as a binary search of each would.)
        let mut cue_at = Vec::with_capacity(inp.sentences.len() + 1);
        let mut k = 0;
        for si in 0..=inp.sentences.len() {
            while k < inp.cues.len() && (inp.cues[k].sentence as usize) < si {
                k += 1;
            }
            cue_at.push(k);
        }
        let mut top: Vec<(Span, Span)> = inp
            .quotes
            .iter()
            .filter(|q| q.depth == 0)
            .map(|q| (q.outer(), q.content))
            .collect();
        top.sort_by_key(|(o, _)| o.start);
        Index { cue_at, top }
    }

    fn cues_in(&self, si: usize) -> std::ops::Range<usize> {
        match (self.cue_at.get(si), self.cue_at.get(si + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// Whether `span` lies inside the words of a top-level quote.
    fn in_quote(&self, span: Span) -> bool {
        let i = self.top.partition_point(|(o, _)| o.start <= span.start);
        // Top-level quotes don't overlap, but a recovered quote may start
        // inside an earlier one's marks: look at two candidates.
        self.top[i.saturating_sub(2)..i]
            .iter()
            .any(|(_, c)| c.contains(span))
    }

    /// Whether a top-level quote opens in `[a, b)`.
    fn quote_opens_in(&self, a: u32, b: u32) -> bool {
        let i = self.top.partition_point(|(o, _)| o.start < a);
        self.top.get(i).is_some_and(|(o, _)| o.start < b)
    }
}

/// Attributions (one per attributed quote, by quote index) and the final
/// quote kinds (fragments without any cue become scare quotes).
pub fn attribute(
    inp: &Input,
    table: &mut SpeakerTable,
) -> (Vec<Option<Attribution>>, Vec<QuoteKind>) {
    let quotes = inp.quotes;
    let mut kinds: Vec<QuoteKind> = quotes.iter().map(|q| q.kind).collect();
    let mut out: Vec<Option<Attribution>> = vec![None; quotes.len()];
    let sentence_of = |at: u32| -> Option<usize> {
        let i = inp.sentences.partition_point(|s| s.end <= at);
        (i < inp.sentences.len() && inp.sentences[i].start <= at).then_some(i)
    };
    let idx = Index::new(inp);
    // Cues inside a top-level quote are the speaker's words, not the writer's.
    let inside_quote = |c: &Cue| idx.in_quote(c.span);
    let usable: Vec<bool> = inp
        .cues
        .iter()
        .map(|c| c.source.is_some() && !inside_quote(c))
        .collect();
    let any_cue_in = |si: usize| {
        idx.cues_in(si).any(|i| {
            let c = &inp.cues[i];
            !inside_quote(c) && (usable[i] || c.class != crate::lang::VerbClass::Evidence)
        })
    };

    // Headline style: where a text quotes speech with double marks, a
    // top-level single-quoted passage is a headline's quote or a coined
    // term (`Trump tells rally NFL has gone ‘soft’`), not reported speech.
    let top_single = |q: &Quote| q.depth == 0 && q.open_glyph.is_some_and(|g| !g.is_double());
    let singles = quotes.iter().filter(|q| top_single(q)).count();
    let doubles = quotes
        .iter()
        .filter(|q| q.depth == 0 && q.open_glyph.is_some_and(|g| g.is_double()))
        .count();
    if doubles > singles {
        for (qi, q) in quotes.iter().enumerate() {
            if top_single(q) && kinds[qi].is_speech() {
                kinds[qi] = QuoteKind::Scare;
            }
        }
    }

    // Sentence subjects, computed once per sentence that needs one.
    let mut subjects: FxHashMap<usize, Option<Mention>> = FxHashMap::default();

    // Pass 1: cues in the same sentence, speaker labels, adjacent sentences.
    // The last top-level speech quote before this one (kept in step as
    // quotes turn out to be scare quotes, so no backward scan).
    let mut last_speech: Option<usize> = None;
    for (qi, q) in quotes.iter().enumerate() {
        if q.depth != 0 || !kinds[qi].is_speech() {
            continue;
        }
        let prev_speech = last_speech.replace(qi);
        let outer = q.outer();
        let s_open = sentence_of(outer.start);
        // (Most quotes close in the sentence they open in: then that is
        // the sentence, with no second search.)
        let close_at = outer.end.saturating_sub(1);
        let s_close = match s_open {
            Some(i) if close_at >= outer.start && close_at < inp.sentences[i].end => Some(i),
            _ => sentence_of(close_at),
        };
        let mut best: Option<(usize, Method, Confidence)> = None;
        // After the closing mark, in the closing sentence.
        let after = s_close.and_then(|sc| {
            idx.cues_in(sc)
                .map(|i| (i, &inp.cues[i]))
                .filter(|(i, c)| usable[*i] && c.span.start >= outer.end)
                // `there are still “some people” who feel that way`: the
                // quote is the relative pronoun's antecedent, not its words.
                .filter(|(_, c)| {
                    !c.source.as_ref().is_some_and(|m| {
                        matches!(m.span.slice(inp.text), "who" | "that" | "which")
                            && inp
                                .text
                                .get(outer.end as usize..m.span.start as usize)
                                .is_some_and(|gap| gap.trim().is_empty())
                    })
                })
                .filter(|(_, c)| {
                    !idx.quote_opens_in(outer.end, c.span.start)
                        || sentence_final_tag(inp.text, inp.sentences[sc], c)
                })
                // `accuse the campaign of being duped by “a con” and … what
                // he called Machado’s “sex tape”`: a free relative names
                // the words after it, not a quote before it.
                .filter(|(_, c)| {
                    !c.source.as_ref().is_some_and(|m| {
                        m.span.end <= c.span.start
                            && inp.text[..m.span.start as usize]
                                .trim_end()
                                .rsplit(|ch: char| !ch.is_alphabetic())
                                .next()
                                .is_some_and(|w| w.eq_ignore_ascii_case("what"))
                    })
                })
                .min_by_key(|(_, c)| c.span.start)
                .map(|(i, c)| {
                    // Only punctuation between the quote and its source or
                    // cue makes them one unit: `…,” said X` / `…,” X said`,
                    // not `…,” and he said`.
                    let first = c
                        .source
                        .as_ref()
                        .map_or(c.span.start, |m| m.span.start.min(c.span.start));
                    let gap = inp
                        .text
                        .get(outer.end as usize..first.max(outer.end) as usize)
                        .unwrap_or("");
                    // `describing as “unhinged” a Trump tweet attacking …`:
                    // a participle on the noun after a run-on quote (no
                    // punctuation either side of the mark) is no tag.
                    let modifier = inp.text[c.span.start as usize..c.span.end as usize]
                        .ends_with("ing")
                        && c.source
                            .as_ref()
                            .is_some_and(|m| m.span.end <= c.span.start)
                        && !gap.contains(|ch: char| ch.is_ascii_punctuation())
                        && !inp.text[q.content.start as usize..q.content.end as usize]
                            .trim_end()
                            .ends_with(|ch: char| ch.is_ascii_punctuation());
                    let adjoining = !modifier && !gap.chars().any(char::is_alphanumeric);
                    (
                        i,
                        if adjoining {
                            c.span.start - outer.end
                        } else {
                            u32::MAX / 2
                        },
                    )
                })
        });
        // `“…,” Sanders said, according to CNN.`: the report the sentence
        // cites is the source, as with `According to CNN, Sanders said “…”`.
        let after = after.map(|(a, da)| {
            let c = &inp.cues[a];
            let from = c
                .source
                .as_ref()
                .map_or(c.span.end, |m| m.span.end.max(c.span.end));
            let cited = s_close.and_then(|sc| {
                idx.cues_in(sc).find(|&i| {
                    let k = &inp.cues[i];
                    usable[i]
                        && k.pattern == CuePattern::AccordingTo
                        && &*k.lemma == "according to"
                        && k.span.start >= from
                        && !idx.quote_opens_in(from, k.span.start)
                        && inp.text[from as usize..k.span.start as usize]
                            .trim_end()
                            .ends_with(',')
                })
            });
            (cited.unwrap_or(a), da)
        });
        // Before the opening mark, in the opening sentence; `owned` when a
        // cue there introduces the quote itself.
        let mut owned = false;
        let before = s_open.and_then(|so| {
            // Every reading below picks a usable cue that ends before the
            // opening mark: without one (`“…,” he said`) there is nothing
            // to weigh, and the sentence's opening clause need not be
            // parsed.
            if !idx
                .cues_in(so)
                .any(|i| usable[i] && inp.cues[i].span.end <= outer.start)
            {
                return None;
            }
            // A cue of this sentence before the opening mark that `own`
            // accepts.
            let before_quote = |own: &dyn Fn(&Cue) -> bool| {
                idx.cues_in(so).find(|&i| {
                    let c = &inp.cues[i];
                    usable[i] && c.span.end <= outer.start && own(c)
                })
            };
            // Only commas, colons and spaces between the cue and the quote.
            let adjoins = |c: &Cue| {
                inp.text[c.span.end as usize..outer.start as usize]
                    .chars()
                    .all(|ch| ch.is_whitespace() || ch == ',' || ch == ':')
            };
            // `…, which is an outcome, he said, “…”`: a parenthetical cue
            // right before the quote is the quote's own.
            let parenthetical = |c: &Cue| {
                c.source.as_ref().is_some_and(|m| {
                    m.kind == MentionKind::Pronoun
                        && m.span.end <= c.span.start
                        && inp.text[..m.span.start as usize].trim_end().ends_with(',')
                }) && adjoins(c)
            };
            // `Cruz said as the heckler yelled: “…”`: a cue that introduces
            // the quote directly, with only a colon or comma between, is
            // the quote's own, whatever report opens the sentence.
            let introducing = |c: &Cue| {
                c.pattern == CuePattern::SourceBefore
                    // A name, not `he` (who is mostly the report's own
                    // subject: `Trump said he responded: “…”`), and not a
                    // participle, which speaks for the main clause.
                    && c.source.as_ref().is_some_and(|m| {
                        m.span.end <= c.span.start && m.kind != MentionKind::Pronoun
                    })
                    && !inp.text[c.span.start as usize..c.span.end as usize].ends_with("ing")
                    // (`adjoins` first: it stops at the first word, where a
                    // search for the comma would read on to the quote.)
                    && adjoins(c)
                    && inp.text[c.span.end as usize..outer.start as usize].contains([',', ':'])
            };
            // `…, which he called “a cartel”`, `whom he described as
            // “volatile”`: an object relative clause with its own subject
            // right before the quote names the quote's speaker, whatever
            // report the sentence opens with.
            let object_relative = |c: &Cue| {
                c.source.as_ref().is_some_and(|m| {
                    m.span.end <= c.span.start
                        && matches!(m.kind, MentionKind::Pronoun | MentionKind::Name)
                        && inp.text[..m.span.start as usize]
                            .trim_end()
                            .rsplit(|ch: char| !ch.is_alphabetic())
                            .next()
                            .is_some_and(|w| matches!(w, "which" | "whom"))
                }) && inp.text[c.span.end as usize..outer.start as usize]
                    .split_whitespace()
                    .all(|w| matches!(w, "as" | "," | ":"))
            };
            // `… meddling the California congressman said is designed to
            // “sow discord”`: a report whose verb runs straight into a
            // finite verb is a reduced relative clause on the noun before
            // it, and its subject speaks the words in it.
            let reduced_relative = |c: &Cue| {
                c.pattern == CuePattern::SourceBefore
                    && c.source
                        .as_ref()
                        // A pronoun (`an honor Donald said he hoped would
                        // be “…”`) mostly stands inside a report of its own.
                        .is_some_and(|m| {
                            m.span.end <= c.span.start
                                && !matches!(m.kind, MentionKind::Anonymous | MentionKind::Pronoun)
                        })
                    && {
                        let between = &inp.text[c.span.end as usize..outer.start as usize];
                        let mut words = between.split_whitespace();
                        words.next().is_some_and(|w| {
                            matches!(w, "is" | "was" | "are" | "were" | "will" | "would")
                        }) && !between.contains([',', ';', ':', '—', '–', '(', '.'])
                            && words.count() <= 8
                    }
            };
            // `According to pool reports, Obama said …, which he called
            // “…”` stays the cited report's.
            let cited = idx
                .cues_in(so)
                .any(|i| usable[i] && inp.cues[i].pattern == CuePattern::AccordingTo);
            let own = before_quote(&parenthetical)
                .or_else(|| before_quote(&introducing))
                .or_else(|| before_quote(&object_relative).filter(|_| !cited))
                .or_else(|| before_quote(&reduced_relative).filter(|_| !cited));
            if let Some(i) = own {
                owned = true;
                return Some((i, outer.start - inp.cues[i].span.end));
            }
            // `said Mr. Ekovich, who noted that prices had “cratered”`: a
            // relative clause after every other report holds the quote, and
            // its `who` speaks.
            let trailing_relative = idx
                .cues_in(so)
                .filter(|&i| {
                    let c = &inp.cues[i];
                    usable[i] && c.span.end <= outer.start && is_report(c)
                })
                .max_by_key(|&i| inp.cues[i].span.start)
                .filter(|&i| {
                    let c = &inp.cues[i];
                    relative_source(inp.text, c)
                        // Non-restrictive (`, who`), not `anybody who …`.
                        && c.source.as_ref().is_some_and(|m| {
                            inp.text[..m.span.start as usize].trim_end().ends_with(',')
                        })
                        && idx.cues_in(so).any(|j| {
                            let e = &inp.cues[j];
                            usable[j]
                                && is_report(e)
                                && e.span.end <= c.span.start
                                && !relative_source(inp.text, e)
                        })
                });
            if let Some(i) = trailing_relative {
                return Some((i, outer.start - inp.cues[i].span.end));
            }
            // (The clause structure, worked out only now: a cue that is the
            // quote's own, above, settles most quotes without it.)
            // `After Brown criticized him, Hillary shot back, “…”`: a cue in
            // an opening subordinate clause is not the quote's when the
            // main clause has one of its own.
            let sub_end = opening_subordinate_end(inp.text, inp.sentences[so], outer.start);
            // `With leaders worried about …, Obama is rolling out a new
            // message: “…”`: a colon introduces the main clause's words.
            let colon_intro = q
                .open
                .is_some_and(|o| inp.text[..o.start as usize].trim_end().ends_with(':'));
            let main_cue = colon_intro
                || sub_end.is_some_and(|e| {
                    idx.cues_in(so).any(|i| {
                        let c = &inp.cues[i];
                        usable[i] && c.span.start > e && c.span.end <= outer.start
                    })
                });
            // `When Trump announced his candidacy, he referred to immigrants
            // as “…”`: a quote in the main clause after a subordinate clause
            // of time or reason is its subject's, not the subordinate
            // clause's report (but `As X said, “…”` is X's).
            let clause_subject_speaks = sub_end.is_some_and(|e| {
                inp.text[e as usize + 1..outer.start as usize]
                    .split_whitespace()
                    .count()
                    >= 2
                    && opening_word(inp.text, inp.sentences[so])
                        .is_some_and(|w| ascii_lowered(w, |w| w != "as" && subordinator(w)))
            });
            // `X recommended …, but he called her actions “…”`: a clause
            // coordinated after the earlier report has its own speaker.
            let new_clause = idx
                .cues_in(so)
                .filter(|&i| {
                    let c = &inp.cues[i];
                    usable[i]
                        && c.span.end <= outer.start
                        && is_report(c)
                        && opens_coordinate_clause(inp.text, c)
                })
                .map(|i| inp.cues[i].span.start)
                .max();
            // `The poll finds that, while 37 percent of Americans say Trump
            // is “…”`: a share of those polled speaks through the poll,
            // whose finding is then a report like any other.
            let polled = idx.cues_in(so).any(|i| {
                let c = &inp.cues[i];
                usable[i]
                    && c.span.end <= outer.start
                    && c.source
                        .as_ref()
                        .is_some_and(|m| quantified(m.span.slice(inp.text)))
            });
            let is_report = |c: &Cue| {
                is_report(c)
                    || polled
                        && c.source.as_ref().is_some_and(|m| {
                            m.kind == MentionKind::Document
                                || m.span
                                    .slice(inp.text)
                                    .rsplit(' ')
                                    .next()
                                    .is_some_and(|w| inp.rules.documents.contains(&*lower(w)))
                        })
            };
            idx.cues_in(so)
                .map(|i| (i, &inp.cues[i]))
                .filter(|(i, c)| usable[*i] && c.span.end <= outer.start)
                .filter(|(_, c)| new_clause.is_none_or(|n| c.span.start >= n))
                .filter(|(_, c)| {
                    !((main_cue || clause_subject_speaks)
                        && sub_end.is_some_and(|e| c.span.start < e))
                })
                // The outermost report: in `Durbin said he “hand-delivered
                // a letter”` the words are Durbin's report, not a second
                // speaker's; `According to X, Y said “…”` is X's.
                // A report in a relative clause (`Graham, who says …,
                // tweeted that “…”`) gives way to the main clause's.
                .max_by_key(|(_, c)| {
                    (
                        is_report(c),
                        !relative_source(inp.text, c),
                        std::cmp::Reverse(c.span.start),
                    )
                })
                .map(|(i, c)| (i, outer.start - c.span.end))
        });
        best = match (after, before) {
            (Some((a, da)), Some((b, db))) => {
                let a_near = da <= 40;
                // `Although Weiner admitted that they had “…,” he claimed
                // they never met`: a quote inside an opening subordinate
                // clause is that clause's report; the main clause after it
                // is no report tag unless it ends the sentence.
                let subordinate = s_open == s_close
                    && s_open.is_some_and(|so| {
                        quote_in_opening_clause(
                            inp.text,
                            inp.sentences[so],
                            &inp.cues[b],
                            outer.start,
                        ) && !sentence_final_tag(inp.text, inp.sentences[so], &inp.cues[a])
                    });
                // `which Mr. Trump called “…,” blaming Bloomberg`: a
                // participle after the quote is no tag for a quote that a
                // cue before it introduces.
                let participle_after = inp.text
                    [inp.cues[a].span.start as usize..inp.cues[a].span.end as usize]
                    .ends_with("ing");
                if subordinate || owned && participle_after {
                    Some((b, Method::SameSentence, Confidence::High))
                } else if a_near || (q.kind != QuoteKind::Fragment && da <= db) {
                    Some((a, Method::SameSentence, Confidence::High))
                } else {
                    Some((b, Method::SameSentence, Confidence::High))
                }
            }
            (Some((a, _)), None) => Some((a, Method::SameSentence, Confidence::High)),
            (None, Some((b, _))) => Some((b, Method::SameSentence, Confidence::High)),
            (None, None) => best,
        };
        if best.is_none()
            && let Some(m) = dash_signature(inp, q).or_else(|| label_inside(inp, q))
        {
            out[qi] = Some(link(
                inp,
                table,
                qi,
                m,
                None,
                Method::SpeakerLabel,
                Confidence::High,
            ));
            continue;
        }
        // `“A,” Bush said. “B.” Rubio said …`: a quote that opens the
        // sentence after an attributed quote of the same paragraph goes on
        // with that speaker (pass 3), not with the next sentence's cue.
        let follows_attributed = s_open.is_some_and(|so| {
            so > 0
                && prev_speech.is_some_and(|p| {
                    quotes[p].paragraph == q.paragraph
                        && sentence_of(quotes[p].outer().end.saturating_sub(1)) == Some(so - 1)
                        && out[p]
                            .as_ref()
                            .is_some_and(|a| a.method == Method::SameSentence)
                })
        });
        if best.is_none() && !follows_attributed {
            best = adjacent(inp, &idx, &usable, &mut subjects, s_open, s_close, q)
                .map(|i| (i, Method::AdjacentSentence, Confidence::Medium));
        }
        // `“…,” Ebeling said, and her husband cut in. “…”`: a new speaker
        // who takes the floor at the end of the sentence before goes on.
        if best.is_none()
            && follows_attributed
            && let (Some(so), Some(p)) = (s_open, prev_speech)
            && let Some(pc) = out[p].as_ref().and_then(|a| a.cue)
        {
            let prev_sentence = inp.sentences[so - 1];
            best = idx
                .cues_in(so - 1)
                .rev()
                .find(|&i| {
                    let c = &inp.cues[i];
                    usable[i]
                        && c.span.start > inp.cues[pc as usize].span.end
                        && c.span.start > quotes[p].outer().end
                        // The report ends the sentence (`cut in.`).
                        && sentence_tail(inp.text, prev_sentence, c).trim().is_empty()
                        && c.source.as_ref().is_some_and(|m| {
                            m.span.end <= c.span.start
                                && m.kind != MentionKind::Anonymous
                                && inp.text[..m.span.start as usize]
                                    .trim_end()
                                    .strip_suffix("and")
                                    .is_some_and(|b| b.trim_end().ends_with(','))
                        })
                })
                .map(|i| (i, Method::AdjacentSentence, Confidence::Medium));
        }
        // The text before the opening mark, which says how the quote is
        // introduced (`:`, `statement,`, `—`).
        let lead_in = q.open.map(|o| inp.text[..o.start as usize].trim_end());
        let after_colon = || {
            lead_in.is_some_and(|before| {
                // `Trump issued a statement, “…”`: a comma after a document
                // noun introduces its words like a colon.
                let document_comma = before.strip_suffix(',').is_some_and(|b| {
                    b.rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|w| inp.rules.documents.contains(&*lower(w)))
                });
                (before.ends_with(':') || document_comma)
                    && s_open.is_some_and(|so| (inp.sentences[so].start as usize) < before.len())
            })
        };
        // A sentence subject that cannot speak (`It’s`, `Given`, `Nothing`):
        // no speaker, but the quote is not a scare quote for want of one.
        let mut mute_subject = false;
        if best.is_none()
            && q.kind == QuoteKind::Full
            && let (Some(so), Some(before)) = (s_open, lead_in)
            && after_colon()
            && let Some(colon) = before.strip_suffix(':')
            && let Some(m) =
                crate::cues::colon_label(inp.text, inp.sentences[so], colon.len() as u32, inp.rules)
        {
            out[qi] = Some(link(
                inp,
                table,
                qi,
                m,
                None,
                Method::SpeakerLabel,
                Confidence::Medium,
            ));
            continue;
        }
        // `Trump also embraced waterboarding -- “I think …”`: a dash, like
        // a colon, hands the sentence over to its subject's words.
        let after_dash = || {
            lead_in.is_some_and(|before| {
                (before.ends_with(['—', '–']) || before.ends_with("--"))
                    // Not a quote set off between two dashes mid-sentence.
                    && !q.close.is_some_and(|c| {
                        inp.text[c.end as usize..]
                            .trim_start()
                            .starts_with(['—', '–', '-'])
                    })
            })
        };
        // `Sanders delivered a snappy retort: “…” He bemoaned …`: a colon
        // hands the words to its own sentence's subject before a cue in
        // the next sentence.
        let colon_over_adjacent = best.is_some_and(|(_, m, _)| m == Method::AdjacentSentence)
            && q.kind == QuoteKind::Full
            && after_colon();
        if (best.is_none() || colon_over_adjacent)
            && (q.kind == QuoteKind::Fragment || after_colon() || after_dash())
        {
            // No cue: the subject of the sentence, when it opens it.
            let speaks = |m: &Mention| {
                m.kind != MentionKind::Anonymous
                    // `The music …`, `The discussion …`: a description
                    // that is no person is no speaker for a quote without
                    // a cue.
                    && (!matches!(m.kind, MentionKind::Nominal)
                        || could_speak(m.span.slice(inp.text), inp.rules))
            };
            let plain = s_open.and_then(|so| sentence_subject(inp, &mut subjects, so));
            // `Thirteen years earlier, she …`, `Speaking to MSNBC, Bush …`:
            // past an opener, the main clause's subject.
            let muted = plain
                .as_ref()
                .is_some_and(|m| cannot_speak(m.span.slice(inp.text)));
            let subject = match plain {
                Some(m) if !muted => Some(m),
                _ => s_open.and_then(|so| {
                    crate::cues::subject_after_opener(
                        inp.text,
                        inp.sentences[so],
                        outer.start,
                        inp.rules,
                    )
                }),
            };
            mute_subject = muted && subject.is_none();
            if let Some(m) = subject.filter(|m| speaks(m) && !cannot_speak(m.span.slice(inp.text)))
            {
                // `Beck, who has described Trump as “…”`: inside a relative
                // clause on the subject, the relative pronoun speaks.
                let m = relative_pronoun_between(inp.text, m.span.end, outer.start).unwrap_or(m);
                out[qi] = Some(link(
                    inp,
                    table,
                    qi,
                    m,
                    None,
                    Method::SentenceSubject,
                    Confidence::Low,
                ));
                continue;
            }
        }
        if let Some((ci, method, confidence)) = best {
            let m = inp.cues[ci]
                .source
                .clone()
                .expect("usable cues have a source");
            // `In a September Post-ABC News poll, 75 percent of Republicans
            // said “…”`: those polled speak through the poll the sentence
            // names before them.
            let m = if quantified(m.span.slice(inp.text)) {
                let sentence = inp.sentences[inp.cues[ci].sentence as usize];
                poll_before(inp, sentence, m.span.start).unwrap_or(m)
            } else {
                m
            };
            out[qi] = Some(link(inp, table, qi, m, Some(ci as u32), method, confidence));
        } else if q.kind == QuoteKind::Fragment
            && !follows_attributed
            && !mute_subject
            && crate::tokens::words_upto(q.content.slice(inp.text), 5) <= 4
            && !s_open.is_some_and(any_cue_in)
        {
            kinds[qi] = QuoteKind::Scare;
            last_speech = prev_speech;
        }
    }

    // Pass 1b: a paragraph that is a quote, introduced by the paragraph
    // before: `Cruz continued:` / `Kerry said that … .`
    for (qi, q) in quotes.iter().enumerate() {
        if out[qi].is_some() || q.depth != 0 || !kinds[qi].is_speech() || q.paragraph == 0 {
            continue;
        }
        let para = inp.paragraphs[q.paragraph as usize];
        if q.open.is_none_or(|o| o.start != para.start)
            || has_usable_cue(inp, &idx, &usable, para)
            || q.continued_from.is_some()
        {
            continue;
        }
        let prev_para = inp.paragraphs[q.paragraph as usize - 1];
        let prev_text = prev_para.slice(inp.text).trim_end();
        let last_sentence = inp
            .sentences
            .partition_point(|s| s.end <= prev_para.end)
            .checked_sub(1);
        let Some(ls) = last_sentence.filter(|&ls| prev_para.contains(inp.sentences[ls])) else {
            continue;
        };
        // The last sentence of the previous paragraph must not itself end
        // in a quote (that case is the previous quote's speaker, pass 3).
        let last = inp.sentences[ls];
        let ends_in_quote = {
            let i = idx.top.partition_point(|(o, _)| o.start < last.end);
            idx.top[..i]
                .last()
                .is_some_and(|(o, _)| last.contains(*o) && o.end + 2 >= last.end)
        };
        if ends_in_quote {
            continue;
        }
        let intro = prev_text.ends_with(':');
        let has_quote = |p: Span| {
            let i = idx.top.partition_point(|(o, _)| o.start < p.start);
            idx.top.get(i).is_some_and(|(o, _)| o.start < p.end)
        };
        // The last report by a name or pronoun (`Schoen elaborated … that
        // superdelegates pledged to Clinton may reconsider.`: not the
        // reduced relative inside the reported clause).
        let cue = if intro {
            last_cue_in(&idx, &usable, ls)
        } else {
            idx.cues_in(ls).rev().find(|&i| {
                let c = &inp.cues[i];
                usable[i]
                    && is_report(c)
                    && c.pattern == CuePattern::SourceBefore
                    && c.source
                        .as_ref()
                        .is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
            })
        };
        // `Though she called the behavior “outrageous” …, Clinton
        // restricted comments to …` ¶ `“…”`: a report in an opening
        // subordinate clause gives way to the named subject of the main
        // clause, which the quote paragraph goes on from.
        let sentence = inp.sentences[ls];
        let main_subject = cue
            .filter(|&ci| {
                !intro
                    && opening_subordinate_end(inp.text, sentence, sentence.end)
                        .is_some_and(|e| inp.cues[ci].span.end <= e)
                    && !idx.cues_in(ls).any(|i| {
                        usable[i]
                            && Some(i) != Some(ci)
                            && inp.cues[i].span.start > inp.cues[ci].span.end
                    })
            })
            .and_then(|_| {
                crate::cues::subject_after_opener(inp.text, sentence, sentence.end, inp.rules)
            })
            .filter(|m| {
                m.kind == MentionKind::Name
                    && m.span
                        .slice(inp.text)
                        .split_whitespace()
                        .all(crate::tokens::is_capitalized)
            });
        let cue = if main_subject.is_some() { None } else { cue };
        // `… how the website rated this statement by Trump on June 11:` ¶
        // `“…”`: the author of the document the colon labels.
        let author = intro
            .then(|| {
                let upto = inp.text[..last.end as usize].trim_end();
                let colon = upto.strip_suffix(':')?.len();
                crate::cues::document_author_before(inp.text, last, colon as u32, inp.rules)
            })
            .flatten();
        let cue = if author.is_some() { None } else { cue };
        let mention = match cue {
            _ if author.is_some() => author,
            _ if main_subject.is_some() => main_subject,
            Some(ci) => inp.cues[ci].source.clone(),
            // `Cruz called them on it:` — an introduction without a known
            // verb: the subject that opens the sentence.
            None if intro => intro_subject(inp, inp.sentences[ls]),
            // `Valastro praised Christie’s leadership …` ¶ `“We need …”`:
            // a quote paragraph after a paragraph about a named person is
            // that person's. A sentence, not a headline (`Ferry fees`).
            None => sentence_subject(inp, &mut subjects, ls).filter(|m| {
                prev_text.ends_with('.')
                    && inp.sentences[ls].end > m.span.end + 12
                    && m.kind == MentionKind::Name
                    && m.span
                        .slice(inp.text)
                        .split_whitespace()
                        .all(crate::tokens::is_capitalized)
                    && !has_quote(prev_para)
            }),
        };
        if let Some(m) = mention {
            out[qi] = Some(link(
                inp,
                table,
                qi,
                m,
                cue.map(|c| c as u32),
                Method::AdjacentSentence,
                if intro {
                    Confidence::Medium
                } else {
                    Confidence::Low
                },
            ));
        }
    }

    // Pass 1c: `''They are painful'' but necessary ''for the business,'' he
    // said`: a quote a few words before another in the same sentence shares
    // the cue that follows the second (right to left, so runs chain).
    // A sentence subject taken for want of a cue gives way to the cue.
    for qi in (0..quotes.len()).rev() {
        let q = &quotes[qi];
        let guessed = out[qi]
            .as_ref()
            .is_none_or(|a| a.method == Method::SentenceSubject);
        if !guessed || q.depth != 0 || !kinds[qi].is_speech() {
            continue;
        }
        let end = q.outer().end;
        let Some(next) = (qi + 1..quotes.len()).find(|&n| quotes[n].depth == 0) else {
            continue;
        };
        let n_outer = quotes[next].outer();
        let gap = inp
            .text
            .get(end as usize..n_outer.start as usize)
            .unwrap_or("\n");
        let shares = kinds[next].is_speech()
            && gap.len() <= 30
            && !gap.contains('\n')
            && sentence_of(end.saturating_sub(1)) == sentence_of(n_outer.start)
            && out[next].as_ref().is_some_and(|a| {
                a.method == Method::SameSentence
                    && a.cue
                        .is_some_and(|c| inp.cues[c as usize].span.start >= n_outer.end)
            });
        // Over a guess only for a coordination: `“A” and “B,” X said`.
        // (Read only when the quotes share a cue: the gap may be long.)
        let coordinated = || {
            gap.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| matches!(w, "and" | "or"))
        };
        if shares
            && (out[qi].is_none() || coordinated())
            && let Some(src) = out[next].clone()
        {
            out[qi] = Some(Attribution {
                quote: qi as u32,
                confidence: Confidence::Medium,
                ..src
            });
        }
    }

    // Pass 2: chains of continued quotes share one speaker.
    let mut chains: Vec<Vec<usize>> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        match q.continued_from {
            Some(prev) => {
                if let Some(chain) = chains
                    .iter_mut()
                    .find(|c| c.last() == Some(&(prev as usize)))
                {
                    chain.push(qi);
                    continue;
                }
                chains.push(vec![prev as usize, qi]);
            }
            None if q.continues => chains.push(vec![qi]),
            None => {}
        }
    }
    for chain in chains {
        // `“…,” Moore said. “If indeed … ¶ “…”`: a chain that opens after
        // an attributed quote of its paragraph goes on with that speaker.
        let first = chain[0];
        if out[first].is_none()
            && let Some(p) = (0..first).rev().find(|&p| {
                quotes[p].depth == 0
                    && kinds[p].is_speech()
                    && quotes[p].paragraph == quotes[first].paragraph
            })
            && let Some(src) = out[p].clone()
        {
            out[first] = Some(Attribution {
                quote: first as u32,
                method: Method::PreviousQuote,
                confidence: Confidence::Medium,
                ..src
            });
        }
        // Each part without a cue of its own takes the nearest attributed
        // part before it, or failing that the first after it.
        for (k, &i) in chain.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            let Some(src) = chain[..k]
                .iter()
                .rev()
                .find_map(|&j| out[j].clone())
                .or_else(|| chain[k + 1..].iter().find_map(|&j| out[j].clone()))
            else {
                continue;
            };
            out[i] = Some(Attribution {
                quote: i as u32,
                method: Method::Continuation,
                confidence: Confidence::Medium,
                ..src
            });
        }
    }

    // Pass 3: carry-over within a paragraph, then across paragraphs.
    let mut last_speech: Option<usize> = None;
    for qi in 0..quotes.len() {
        let q = &quotes[qi];
        if q.depth != 0 || !kinds[qi].is_speech() {
            continue;
        }
        let prev = last_speech.replace(qi);
        if out[qi].is_some() {
            continue;
        }
        let Some(p) = prev else { continue };
        let Some(src) = out[p].clone() else { continue };
        let para = inp.paragraphs[q.paragraph as usize];
        let (method, confidence) = if quotes[p].paragraph == q.paragraph {
            (Method::PreviousQuote, Confidence::Medium)
        } else if quotes[p].paragraph + 1 == q.paragraph
            && q.open.is_some_and(|o| o.start == para.start)
            && !has_usable_cue(inp, &idx, &usable, para)
            || quotes[p].paragraph + 2 == q.paragraph
                && q.kind == QuoteKind::Full
                && q.open.is_some_and(|o| o.start == para.start)
                && !has_usable_cue(inp, &idx, &usable, para)
                && {
                    // `“…,” Miller said.` ¶ `She pauses.` ¶ `“…”`: over one
                    // short paragraph with no quote and no report of its own.
                    let between = inp.paragraphs[q.paragraph as usize - 1];
                    // A beat about the speaker (`She pauses.`, `Pause.`), not
                    // narration with a subject of its own.
                    let mut words = between.slice(inp.text).split_whitespace();
                    let beat = match (words.next(), words.next()) {
                        (Some(_), None) => true,
                        (Some(w), Some(_)) => matches!(w, "He" | "She" | "They"),
                        _ => false,
                    };
                    beat && between.len() <= 40
                        && quotes[p].kind != QuoteKind::Fragment
                        && !has_usable_cue(inp, &idx, &usable, between)
                        && !idx.quote_opens_in(between.start, between.end)
                }
        {
            (Method::ParagraphCarryOver, Confidence::Low)
        } else {
            continue;
        };
        if q.kind == QuoteKind::Fragment && method != Method::PreviousQuote {
            continue;
        }
        out[qi] = Some(Attribution {
            quote: qi as u32,
            method,
            confidence,
            ..src
        });
    }
    for a in out.iter_mut().flatten() {
        if let (MentionKind::Pronoun, Some(s)) = (a.mention.kind, a.speaker) {
            a.rival = table.rival(
                inp.text,
                a.mention.span,
                s,
                inp.sightings,
                inp.sentences,
                inp.rules,
            );
        }
    }
    (out, kinds)
}

/// Speech, writing and accusation cues report words; cognition (`felt`)
/// and evidence (`showed`) cues are weaker for a quotation.
/// A one-word sentence subject that is no speaker: a contraction (`It’s`,
/// `That’s`), a participle or gerund (`Given`, `Ending`), an indefinite
/// (`Nothing`, `Whatever`) or an adverb (`Indeed`).
/// The `who` that opens a relative clause right after the subject (`Beck,
/// who …`) and is still open at `quote` (no comma closes it before).
fn relative_pronoun_between(text: &str, subject_end: u32, quote: u32) -> Option<Mention> {
    let between = text.get(subject_end as usize..quote as usize)?;
    let rest = between.strip_prefix(", who ")?;
    if rest.contains([',', '.', ';', ':', '—']) {
        return None;
    }
    let at = subject_end as usize + 2;
    Some(Mention {
        span: Span::new(at, at + 3),
        kind: MentionKind::Pronoun,
    })
}

fn cannot_speak(subject: &str) -> bool {
    // A phrase that opens with a subordinator or a number (`Given Sanders’
    // success`, `Despite Ted Cruz`, `Thirteen years earlier`).
    let first = lower(subject.split_whitespace().next().unwrap_or(""));
    if matches!(
        first.as_ref(),
        "given"
            | "despite"
            | "because"
            | "although"
            | "though"
            | "while"
            | "if"
            | "unless"
            | "when"
            | "after"
            | "before"
            | "since"
            | "as"
            | "once"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "twelve"
            | "thirteen"
            | "fifteen"
            | "twenty"
            | "thirty"
            | "fifty"
            | "hundred"
    ) || first.starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    if subject.contains(char::is_whitespace) {
        return false;
    }
    let w = lower(subject);
    let contraction = ["’s", "'s"].iter().any(|s| {
        w.strip_suffix(s).is_some_and(|stem| {
            matches!(
                stem,
                "it" | "that" | "what" | "there" | "here" | "let" | "who"
            )
        })
    });
    contraction
        || w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed") || w == "given")
        || matches!(
            w.as_ref(),
            "nothing"
                | "whatever"
                | "whoever"
                | "everything"
                | "something"
                | "anything"
                | "nobody"
                | "everyone"
                | "indeed"
                | "instead"
                | "former"
        )
}

/// The poll or survey a sentence names before `upto`: `a September
/// Washington Post-ABC News poll`.
fn poll_before(inp: &Input, sentence: Span, upto: u32) -> Option<Mention> {
    let span = Span::new(
        sentence.start as usize,
        (upto as usize).max(sentence.start as usize),
    );
    let toks = crate::tokens::tokenize(inp.text, span, inp.rules);
    let k = toks
        .iter()
        .rposition(|t| t.word && matches!(t.lower(inp.text).as_ref(), "poll" | "survey"))?;
    crate::cues::np_before(inp.text, &toks, k + 1, inp.rules)
        .filter(|m| m.span.end == toks[k].span.end && m.span.start < toks[k].span.start)
}

/// `37 percent of Americans`, `31% of voters`, `six in 10 Republicans`,
/// `most`: a share of people, as polls report them.
fn quantified(raw: &str) -> bool {
    // Every word the test accepts first starts with a digit, `.`, `%` or
    // one of these letters: any other ASCII first byte (most names) is
    // turned away before the words are split and lower-cased.
    let lead = raw
        .trim_start()
        .as_bytes()
        .first()
        .map(u8::to_ascii_lowercase);
    if lead.is_none_or(|b| {
        b.is_ascii()
            && !matches!(
                b,
                b'0'..=b'9'
                    | b'.'
                    | b'%'
                    | b'o'
                    | b't'
                    | b'f'
                    | b's'
                    | b'e'
                    | b'n'
                    | b'm'
                    | b'h'
                    | b'p'
            )
    }) {
        return false;
    }
    let mut words = raw.split_whitespace();
    // The words as written, not lower-cased: a word's lower case is one of
    // these ASCII words exactly when it is one ignoring ASCII case (the one
    // non-ASCII capital that lowers to an ASCII letter, the Kelvin sign,
    // gives a `k`, which none has), and digits, `.` and `%` have no case.
    let first = words.next().unwrap_or("");
    let is_any = |w: &str, of: &[&str]| of.iter().any(|o| w.eq_ignore_ascii_case(o));
    let number = first
        .trim_end_matches('%')
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        && !first.is_empty()
        || is_any(
            first,
            &[
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            ],
        );
    number
        && (first.ends_with('%')
            || is_any(words.next().unwrap_or(""), &["percent", "in", "of", "%"]))
        || is_any(first, &["most", "half", "majority", "plurality"])
}

/// The words after cue `c` to the end of its sentence, without the final
/// punctuation.
fn sentence_tail<'t>(text: &'t str, sentence: Span, c: &Cue) -> &'t str {
    let end = text[..sentence.end as usize].trim_end();
    text.get(c.span.end as usize..end.len())
        .unwrap_or("")
        .trim_end_matches(['.', '!', '?'])
}

/// `…, he said.` / `…, DFA spokesman Neil Sroka said.`: a report set off
/// by a comma at the very end of the sentence, which attributes the whole
/// sentence, every quote in it.
fn sentence_final_tag(text: &str, sentence: Span, c: &Cue) -> bool {
    let Some(m) = &c.source else { return false };
    if c.pattern != CuePattern::SourceBefore
        || !matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
        || m.span.end > c.span.start
    {
        return false;
    }
    let tail = sentence_tail(text, sentence, c);
    text[..m.span.start as usize]
        .trim_end()
        .trim_end_matches(['”', '"', '’', '\''])
        .ends_with(',')
        && tail.len() <= 12
        && tail.chars().all(|ch| ch.is_alphanumeric() || ch == ' ')
}

/// Whether the cue's subject opens a clause coordinated to what comes
/// before (`…, but he called`, `and she said`, `though he said`).
fn opens_coordinate_clause(text: &str, c: &Cue) -> bool {
    let Some(m) = &c.source else { return false };
    if m.span.end > c.span.start || !matches!(m.kind, MentionKind::Pronoun | MentionKind::Name) {
        return false;
    }
    let before = text[..m.span.start as usize].trim_end();
    // `…, with Sen. McCain calling it …`, `… – Ryan saying …`: an absolute
    // clause with its own subject.
    let gerund = text[c.span.start as usize..c.span.end as usize].ends_with("ing");
    if gerund && (before.ends_with(['–', '—']) || before.ends_with(" with")) {
        return true;
    }
    let mut words = before
        .rsplit(|ch: char| !ch.is_alphabetic())
        .filter(|w| !w.is_empty());
    let word = words.next().unwrap_or("");
    // `said that while he fears …`: a subordinate clause inside the
    // report, not a new one.
    let inside_report = words.next() == Some("that");
    !inside_report
        && (matches!(
            word,
            "but"
                | "and"
                | "though"
                | "although"
                | "while"
                | "whereas"
                | "yet"
                | "after"
                | "before"
        )
        // `…, when Mr. Buchanan called for a “…”`: a time clause with a
        // new named subject; `when he claimed` is mostly the main
        // subject again.
            // `…, and as Trump went on about “…”` too, but not an aside
            // (`… – as Rubio has said – …`).
            || matches!(word, "when" | "as")
                && m.kind == MentionKind::Name
                && !(word == "as"
                    && text[c.span.end as usize..]
                        .trim_start()
                        .starts_with(|ch: char| ch.is_ascii_punctuation() || ch == '—' || ch == '–')))
}

/// Whether a description names someone who can speak: its head is a
/// title or role (`the senator`), an organisation noun (`the campaign`) or
/// a word for people (`supporters`); `The music` and `The discussion` are
/// not.
fn could_speak(raw: &str, rules: &crate::lang::LangRules) -> bool {
    let Some(last) = raw.split_whitespace().last() else {
        return false;
    };
    let letters = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // The head as written, and without a possessive or plural ending.
    let full = letters(last);
    let l = letters(last.trim_end_matches(['’', '\'', 's'].as_slice()));
    rules.is_title(&full)
        || rules.is_title(&l)
        || rules.org_nouns.contains(full.as_str())
        || rules.org_nouns.contains(l.as_str())
        || matches!(
            full.as_str(),
            "people"
                | "voters"
                | "supporters"
                | "critics"
                | "protesters"
                | "activists"
                | "residents"
                | "members"
                | "leaders"
                | "lawmakers"
                | "democrats"
                | "republicans"
                | "conservatives"
                | "liberals"
                | "experts"
                | "analysts"
                | "economists"
                | "scientists"
                | "researchers"
                | "pollsters"
                | "man"
                | "woman"
                | "men"
                | "women"
                | "mother"
                | "father"
                | "son"
                | "daughter"
                | "wife"
                | "husband"
                | "friend"
                | "friends"
                | "author"
                | "writer"
                | "host"
                | "reporter"
                | "journalist"
                | "candidate"
                | "nominee"
                | "crowd"
                | "audience"
                | "delegates"
                | "fans"
                | "students"
                | "workers"
                | "officers"
                | "teacher"
                | "lawyer"
                | "attorney"
                | "aide"
                | "aides"
                | "adviser"
                | "advisers"
                | "advisor"
                | "staff"
                | "staffers"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
        )
}

/// Whether the cue's source is a relative pronoun: the cue sits in a
/// relative clause (`Clinton, who was speaking to the mayors, …`).
fn relative_source(text: &str, c: &Cue) -> bool {
    c.source.as_ref().is_some_and(|m| {
        m.kind == MentionKind::Pronoun
            && matches!(m.span.slice(text), "who" | "which" | "Who" | "Which")
    })
}

fn is_report(c: &Cue) -> bool {
    !matches!(
        c.class,
        crate::lang::VerbClass::Cognition | crate::lang::VerbClass::Evidence
    )
}

/// An attribution of quote `qi` to mention `m`, resolved in the table.
fn link(
    inp: &Input,
    table: &mut SpeakerTable,
    qi: usize,
    m: Mention,
    cue: Option<u32>,
    method: Method,
    confidence: Confidence,
) -> Attribution {
    let (speaker, resolution) = split(table.resolve(inp.text, &m, inp.sightings, inp.rules));
    Attribution {
        quote: qi as u32,
        mention: m,
        speaker,
        resolution,
        cue,
        method,
        confidence,
        rival: None,
    }
}

fn split(r: Option<(u32, Resolution)>) -> (Option<u32>, Option<Resolution>) {
    match r {
        Some((s, res)) => (Some(s), Some(res)),
        None => (None, None),
    }
}

fn has_usable_cue(inp: &Input, idx: &Index, usable: &[bool], para: Span) -> bool {
    let first = inp.sentences.partition_point(|s| s.start < para.start);
    let last = inp.sentences.partition_point(|s| s.start < para.end);
    (first..last).any(|si| idx.cues_in(si).any(|i| usable[i]))
}

/// `“…” — Sonya Herridge` or a paragraph `- Sanders.` after the quote: a
/// signature naming the speaker.
fn dash_signature(inp: &Input, q: &Quote) -> Option<Mention> {
    let close = q.close?;
    let para = inp.paragraphs[q.paragraph as usize];
    let mut at = close.end as usize;
    let mut rest = &inp.text[at..para.end as usize];
    if rest.trim().is_empty() {
        // The signature may be the next paragraph.
        let next = inp.paragraphs.get(q.paragraph as usize + 1)?;
        at = next.start as usize;
        rest = next.slice(inp.text);
    }
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let dash = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '―' | '–' | '-'))?;
    at += rest.len() - trimmed.len() + dash.len_utf8();
    let after = &inp.text[at..];
    let lead = after.len() - after.trim_start().len();
    at += lead;
    // The name runs to a comma, a period ending the line, or the line end.
    let line = inp.text[at..].lines().next().unwrap_or("");
    let end = line.find([',', '\n']).unwrap_or(line.len());
    let name = line[..end].trim_end_matches(['.', ' ']);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 5
        || !words.iter().all(|w| crate::tokens::is_capitalized(w))
    {
        return None;
    }
    Some(Mention {
        span: Span::new(at, at + name.len()),
        kind: MentionKind::Name,
    })
}

/// `"WALLACE: Let's start…"`: a speaker label opening the quote.
fn label_inside(inp: &Input, q: &Quote) -> Option<Mention> {
    let content = q.content.slice(inp.text);
    let colon = content.find(':')?;
    let label = &content[..colon];
    if label.is_empty()
        || label.len() > 40
        || !label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
    {
        return None;
    }
    if !label.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(Mention {
        span: Span::new(q.content.start as usize, q.content.start as usize + colon),
        kind: MentionKind::Name,
    })
}

/// A cue in the next sentence (`“…” That was how X put it.`) or in the
/// previous sentence when it ends with a colon or introduces the quote.
/// The offset of the comma that ends a sentence-opening subordinate clause
/// (`After Brown criticized him,`, `While Clinton has condemned it,`), if
/// the sentence opens with one and the comma comes before `limit`.
/// Whether the sentence opens with a subordinate clause (`Although`,
/// `When`, `While` …) whose own report is the cue `c`, so that a quote after
/// `c` and before the clause's end belongs to that clause.
fn quote_in_opening_clause(text: &str, sentence: Span, c: &Cue, quote: u32) -> bool {
    // (Capitalised: the sentence's first word, not one after `So`.)
    let opens = opening_word(text, sentence).is_some_and(|first| {
        matches!(
            first,
            "Although"
                | "Though"
                | "When"
                | "While"
                | "Whereas"
                | "Because"
                | "Since"
                | "After"
                | "As"
        )
    });
    // The cue's subject is the clause's: nothing but the conjunction before it.
    opens
        && c.pattern == CuePattern::SourceBefore
        && c.source.as_ref().is_some_and(|m| {
            m.span.end <= c.span.start
                && text[sentence.start as usize..m.span.start as usize]
                    .split_whitespace()
                    .count()
                    <= 2
                && !text[sentence.start as usize..c.span.start as usize].contains(',')
        })
        // No comma between the report and the quote: `When Sanders said
        // …, he “grabbed …”` quotes the main clause.
        && text
            .get(c.span.end as usize..quote as usize)
            .is_some_and(|between| !between.contains(','))
}

/// The sentence's first word past a conjunction (`So when Patriot
/// signaled …`) and a focusing adverb (`Ever since …`, `Even as …`, `Just
/// after …`).
fn opening_word(text: &str, sentence: Span) -> Option<&str> {
    let mut words = AlnumRuns(sentence.slice(text));
    let mut first = words.next()?;
    if matches!(first, "So" | "But" | "And" | "Yet" | "Then") {
        first = words.next()?;
    }
    if matches!(
        first,
        "Ever" | "Even" | "Just" | "Only" | "Long" | "Shortly" | "Soon"
    ) {
        first = words.next()?;
    }
    Some(first)
}

/// `f` of `w.to_ascii_lowercase()`, lowered on the stack when `w` is
/// short (every word `f` looks for is).
fn ascii_lowered<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut short = arrayvec::ArrayString::<16>::new();
    if short.try_push_str(w).is_ok() {
        short.make_ascii_lowercase();
        f(&short)
    } else {
        f(&w.to_ascii_lowercase())
    }
}

/// The runs of letters and digits of a text, in order (`s.split(|c:
/// char| !c.is_alphanumeric()).filter(|w| !w.is_empty())`), an ASCII byte
/// tested without decoding it.
struct AlnumRuns<'a>(&'a str);

impl<'a> Iterator for AlnumRuns<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0;
        let alnum_at = |i: usize| match s.as_bytes()[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (crate::tokens::is_alnum(c), c.len_utf8())
            }
        };
        let mut start = 0;
        loop {
            if start == s.len() {
                self.0 = "";
                return None;
            }
            let (alnum, len) = alnum_at(start);
            if alnum {
                break;
            }
            start += len;
        }
        let mut end = start;
        while end < s.len() {
            let (alnum, len) = alnum_at(end);
            if !alnum {
                break;
            }
            end += len;
        }
        self.0 = &s[end..];
        Some(&s[start..end])
    }
}

fn opening_subordinate_end(text: &str, sentence: Span, limit: u32) -> Option<u32> {
    let s = sentence.slice(text);
    let Some(first) = opening_word(text, sentence) else {
        return coordinated_subordinate_end(text, sentence, limit, true);
    };
    let opens = ascii_lowered(first, |first| {
        subordinator(first)
            || matches!(
                first,
                "with"
                    | "without"
                    | "despite"
                    | "amid"
                    | "following"
                    | "during"
                    | "in"
                    | "on"
                    | "at"
            )
    });
    if !opens {
        return coordinated_subordinate_end(text, sentence, limit, true);
    }
    let comma = sentence.start + s.find(',')? as u32;
    // `Following the blast, but before officials had weighed in, Trump
    // said …`: a second subordinate clause chained to the first.
    (comma < limit).then(|| {
        coordinated_subordinate_end(text, sentence, limit, false).map_or(comma, |e| e.max(comma))
    })
}

/// A conjunction that opens a subordinate clause of time, reason or
/// concession (lower case).
fn subordinator(word: &str) -> bool {
    matches!(
        word,
        "after"
            | "when"
            | "while"
            | "as"
            | "before"
            | "since"
            | "although"
            | "though"
            | "because"
            | "if"
            | "once"
            | "until"
            | "whereas"
            | "whenever"
    )
}

/// `Some booed, and when Rubio thanked Miami, a man yelled “…”`: a
/// subordinate clause that opens the second of two coordinated clauses
/// ends at its comma, like one that opens the sentence. With `semicolons`,
/// a clause after `;` counts too (not in a list of `as` phrases chained
/// to an opening clause).
fn coordinated_subordinate_end(
    text: &str,
    sentence: Span,
    limit: u32,
    semicolons: bool,
) -> Option<u32> {
    let upto = limit.min(sentence.end).max(sentence.start);
    let s = &text[sentence.start as usize..upto as usize];
    let mut found = None;
    // Each `,` or `;` (one byte scan), then `and`/`but` after a comma.
    for at in memchr::memchr2_iter(b',', b';', s.as_bytes()) {
        if !semicolons && s.as_bytes()[at] == b';' {
            continue;
        }
        let mut rest = s[at + 1..].strip_prefix(' ').unwrap_or("");
        if s.as_bytes()[at] == b',' {
            match rest
                .strip_prefix("and ")
                .or_else(|| rest.strip_prefix("but "))
            {
                Some(r) => rest = r,
                None => continue,
            }
        }
        let word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if !subordinator(word) {
            continue;
        }
        if let Some(comma) = rest.find(',') {
            let end = sentence.start + (s.len() - rest.len() + comma) as u32;
            found = found.max(Some(end));
        }
    }
    found
}

/// [`crate::cues::subject`] of sentence `si`, worked out once: a
/// fragment's sentence is asked for it by [`adjacent`] and again, when no
/// cue is found, as the quote's speaker.
fn sentence_subject(
    inp: &Input,
    subjects: &mut FxHashMap<usize, Option<Mention>>,
    si: usize,
) -> Option<Mention> {
    subjects
        .entry(si)
        .or_insert_with(|| crate::cues::subject(inp.text, inp.sentences[si], inp.rules))
        .clone()
}

fn adjacent(
    inp: &Input,
    idx: &Index,
    usable: &[bool],
    subjects: &mut FxHashMap<usize, Option<Mention>>,
    s_open: Option<usize>,
    s_close: Option<usize>,
    q: &Quote,
) -> Option<usize> {
    let para = inp.paragraphs[q.paragraph as usize];
    let no_quote_in = |si: usize| {
        let s = inp.sentences[si];
        !idx.quote_opens_in(s.start, s.end)
    };
    let fragment = q.kind == QuoteKind::Fragment;
    if fragment {
        // A fragment in a sentence without any cue continues the claim of
        // the sentence before: `According to X, … . … the “central pillars”`.
        let so = s_open?;
        let in_own = !idx.cues_in(so).is_empty();
        if so == 0 || in_own || !para.contains(inp.sentences[so - 1]) {
            return None;
        }
        // `Senate Minority Leader Harry Reid, in particular, has been
        // pounding Trump as a “con artist”`: a sentence whose subject is a
        // name is that speaker's own, not the claim before going on.
        if sentence_subject(inp, subjects, so).is_some_and(|m| {
            let raw = m.span.slice(inp.text);
            m.kind == MentionKind::Name
                // Every word capitalized: not a sentence's first word
                // (`Good information can …`, `Doing so …`).
                && raw.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                // Not a possessor (`Trump's most famously false contention`).
                && !raw.ends_with("'s")
                && !raw.ends_with("’s")
                // A person, not a thing the claim before is about (`According
                // to X, … . The North-South Transport Corridor … “…”`).
                && !raw
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with("ing") || matches!(w, "The" | "A" | "An"))
        }) {
            return None;
        }
        return last_cue_in(idx, usable, so - 1).filter(|&i| {
            matches!(
                inp.cues[i].pattern,
                CuePattern::SourceBefore | CuePattern::AccordingTo
            ) && inp.cues[i].class != crate::lang::VerbClass::Evidence
        });
    }
    if let Some(so) = s_open
        && so > 0
    {
        let prev = inp.sentences[so - 1];
        if para.contains(prev)
            && prev.slice(inp.text).trim_end().ends_with(':')
            && let Some(i) = last_cue_in(idx, usable, so - 1)
        {
            return Some(i);
        }
    }
    if let Some(sc) = s_close {
        let next = sc + 1;
        if next < inp.sentences.len() && para.contains(inp.sentences[next]) {
            let first = idx
                .cues_in(next)
                .map(|i| (i, &inp.cues[i]))
                .find(|(i, c)| usable[*i] && c.pattern != CuePattern::AccordingTo);
            // `“Too forced?” He tweeted when … “Star Wars” …`: a quote later
            // in the sentence is not the cue's; one before the cue is.
            if let Some((i, c)) = first
                && !idx.quote_opens_in(inp.sentences[next].start, c.span.start)
            {
                // Only a short sentence that is about the quote.
                if c.span.start - inp.sentences[next].start < 80 {
                    return Some(i);
                }
            }
        }
    }
    if let Some(so) = s_open
        && so > 0
    {
        let prev = inp.sentences[so - 1];
        if para.contains(prev) && no_quote_in(so - 1) {
            return last_cue_in(idx, usable, so - 1).filter(|&i| {
                let c = &inp.cues[i];
                c.pattern == CuePattern::SourceBefore
                    && c.source
                        .as_ref()
                        .is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
            });
        }
    }
    None
}

/// The name that opens a sentence: `Cruz called them on it:`.
fn intro_subject(inp: &Input, sentence: Span) -> Option<Mention> {
    let mut end = (sentence.start as usize + 200).min(sentence.end as usize);
    while !inp.text.is_char_boundary(end) {
        end -= 1;
    }
    let toks =
        crate::tokens::tokenize(inp.text, Span::new(sentence.start as usize, end), inp.rules);
    // An opening subordinate clause is not the subject: `When Wallace died
    // in 1998, President Clinton released the following statement:` is
    // Clinton's; `When Wallace asked:` has none.
    let first = toks.first().map(|t| t.text(inp.text));
    let mut start = 0;
    if first.is_some_and(|f| {
        matches!(
            f,
            "When"
                | "As"
                | "But"
                | "And"
                | "Then"
                | "So"
                | "After"
                | "Before"
                | "While"
                | "If"
                | "Later"
                | "Earlier"
                // `In response to the attacks, Trump issued the following
                // statement:`: an opening adverbial.
                | "In"
                | "On"
                | "At"
                | "For"
                | "With"
                | "During"
                | "Despite"
                | "Following"
                | "Since"
                | "Because"
                | "Although"
                | "Though"
                | "Amid"
                | "Meanwhile"
                | "However"
                | "Still"
                | "Last"
                | "This"
        ) || f.len() > 5 && (f.ends_with("ing") || f.ends_with("ed"))
    }) {
        match toks.iter().position(|t| t.text(inp.text) == ",") {
            Some(c) => start = c + 1,
            None => return None,
        }
        // `On July 6, 2015, Sanders made the following comment:`: past the
        // year of a date.
        if toks.get(start).is_some_and(|t| {
            let y = t.text(inp.text);
            y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
        }) && toks.get(start + 1).is_some_and(|t| t.text(inp.text) == ",")
        {
            start += 2;
        }
    }
    // `Republican presidential nominee Donald Trump issued …`: the noun
    // phrase before the first verb, when it opens the clause.
    if let Some(v) = (start..toks.len().min(start + 10))
        .find(|&k| crate::cues::finite_verb(inp.text, &toks, k, inp.rules))
        && v > start
        && let Some(m) = crate::cues::np_before(inp.text, &toks, v, inp.rules)
        && m.span.start == toks[start].span.start
        && matches!(m.kind, MentionKind::Name)
    {
        return Some(m);
    }
    let mut end = start;
    while end < toks.len()
        && end - start < 6
        && toks[end].word
        && toks[end].is_capitalized(inp.text)
    {
        end += 1;
    }
    if end == start {
        return None;
    }
    let span = Span {
        start: toks[start].span.start,
        end: toks[end - 1].span.end,
    };
    let m = crate::cues::mention(inp.text, span, &toks[start..end], inp.rules);
    matches!(m.kind, MentionKind::Name | MentionKind::Pronoun).then_some(m)
}

fn last_cue_in(idx: &Index, usable: &[bool], si: usize) -> Option<usize> {
    idx.cues_in(si).rev().find(|&i| usable[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_runs_split_as_chars_do() {
        for t in [
            "",
            "  ",
            "So when Patriot signaled, …",
            "“Even as” it’s 3½ — naïve Ünal 東京 straße①x",
            "é",
            "’’’ a",
            "a,b..c",
        ] {
            let want: Vec<&str> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(AlnumRuns(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }
}
