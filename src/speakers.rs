//! The speaker table: mentions clustered into speakers.
//!
//! Named mentions cluster by their words (`Putin` joins `Vladimir Putin`,
//! `Mr. Obama` joins `Barack Obama`), spelling variants by Jaro–Winkler
//! similarity of the surname (`Pezeshkyan` ~ `Pezeshkian`). Pronouns resolve
//! to the most recent compatible speaker; role descriptions (`the Russian
//! president`) to the most recent speaker introduced with that role.

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::cues::{Mention, MentionKind};
use crate::lang::{Gender, LangRules, Number};
use crate::lower::lower;
use crate::span::Span;
use crate::tokens::{Token, is_capitalized, strip_possessive};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Anonymous,
    Document,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Document => "document",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name the text gives, titles removed.
    pub name: String,
    pub kind: SpeakerKind,
    /// Every mention, in document order.
    pub mentions: Vec<Span>,
    /// Role words the text attaches to the name (`president`, `spokesperson`).
    pub roles: Vec<String>,
    pub gender: Option<Gender>,
    /// For a document: the speaker it belongs to (`the statement` → the Kremlin).
    pub belongs_to: Option<u32>,
}

/// How a mention was linked to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// The mention names the speaker in full.
    AsWritten,
    /// A surname or shorter form of a name met earlier.
    ShortName,
    /// A pronoun.
    Pronoun,
    /// A description such as "the Russian president".
    Role,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::AsWritten => "as-written",
            Resolution::ShortName => "short-name",
            Resolution::Pronoun => "pronoun",
            Resolution::Role => "role",
        }
    }
}

/// Links mentions to speakers.
#[derive(Debug, Default)]
pub struct SpeakerTable {
    pub speakers: Vec<Speaker>,
    /// Mentions as they were recorded: (position, speaker).
    log: Vec<(u32, usize)>,
    /// Lowercase last word of a name → speakers, for exact lookups.
    /// (Mostly one speaker a word: held in place, not in an allocation.)
    by_last: rustc_hash::FxHashMap<String, SmallVec<[usize; 2]>>,
    /// Each speaker's [`name_words`], kept in step with its name.
    words: Vec<NameWords>,
    /// [`EntityKey`] of each speaker's `words`, kept in step with them.
    keys: Vec<EntityKey>,
    /// [`word_count`] of each speaker's name, kept in step with it.
    name_lens: Vec<usize>,
    /// [`SpeakerTable::clean_mention`] of the words of named mentions seen.
    cleaned: rustc_hash::FxHashMap<String, (std::rc::Rc<SightedName>, bool)>,
    /// The gender [`clean_name`] tells from a speaker's name, by name, for
    /// [`SpeakerTable::rival`] (it depends on the name and the rules
    /// alone, and a table is used with one set of rules).
    name_genders: rustc_hash::FxHashMap<String, Option<Gender>>,
}

/// A new speaker's mentions: the first, with room for a few more (most
/// speakers are mentioned again; the vector is not regrown from one).
fn first_mention(span: Span) -> Vec<Span> {
    let mut mentions = Vec::with_capacity(4);
    mentions.push(span);
    mentions
}

/// How far back pronoun and role resolution look, in recorded mentions.
const LOOKBACK: usize = 64;
/// Above this many speakers, spelling variants are only matched by exact
/// last word, so that huge inputs stay linear.
const FUZZY_LIMIT: usize = 300;

fn last_word_key(name: &str) -> String {
    last_word_lower(name).into_string()
}

/// [`last_word_key`] without the copy when the word is already lower case.
fn last_word_lower(name: &str) -> crate::lower::Lower<'_> {
    match last_word(name) {
        Some(w) => lower(trim_non_alnum(strip_possessive(w))),
        None => crate::lower::Lower::Borrowed(""),
    }
}

/// `w.trim_matches(|c: char| !c.is_alphanumeric())`, without looking at
/// characters when both ends are ASCII letters or digits.
#[inline(always)]
fn trim_non_alnum(w: &str) -> &str {
    match (w.as_bytes().first(), w.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_alphanumeric() && z.is_ascii_alphanumeric() => w,
        _ => w.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

/// `s.split_whitespace().next_back()`, from the end byte by byte when
/// `s` is ASCII (where white space is `' '` and `\t..=\r` alone).
fn last_word(s: &str) -> Option<&str> {
    if !s.is_ascii() {
        return s.split_whitespace().next_back();
    }
    let is_space = |b: &u8| *b == b' ' || (b'\t'..=b'\r').contains(b);
    let b = s.as_bytes();
    let end = b.iter().rposition(|c| !is_space(c))? + 1;
    let start = b[..end].iter().rposition(is_space).map_or(0, |k| k + 1);
    Some(&s[start..end])
}

/// `s.split_whitespace().count()`, counted on the bytes when `s` is ASCII: a
/// word starts at each byte that is not white space after one that is.
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = b == b' ' || (b'\t'..=b'\r').contains(&b);
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// `out.extend(s.split_whitespace())`, eight bytes at a time: a byte is looked
/// at only when it may start white space, being below `0x21` (ASCII white
/// space is `\t`..=`\r` and ` `) or not ASCII. The white space that is
/// not ASCII (`U+0085`, `U+00A0`, `U+1680`, `U+2000`–`U+3000`) starts
/// with `C2`, `E1`, `E2` or `E3`, and no byte of a character after its
/// first is one of those: a character that is not ASCII is decoded only
/// when it starts with one.
#[inline]
fn push_words<'a>(s: &'a str, out: &mut SmallVec<[&'a str; 8]>) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    // Where the word under way starts.
    let mut start = 0;
    let mut at = 0;
    while at < b.len() {
        // Bytes `at..at + 8` as a little-endian word; the last bytes over
        // letters (no candidates) where they end.
        let w = match b.get(at..at + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            None => b[at..]
                .iter()
                .rev()
                .fold(u64::from(b'A') * ONES, |w, &x| w << 8 | u64::from(x)),
        };
        // The high bit of each byte that is not ASCII, or that is and
        // stays below `0x80` when `0x5F` is added to it (it is below
        // `0x21`); only the low seven bits are added, so no sum carries
        // into the next byte.
        let mut candidates = (w | !((w & !HIGH) + 0x5F * ONES)) & HIGH;
        while candidates != 0 {
            let k = at + (candidates.trailing_zeros() / 8) as usize;
            candidates &= candidates - 1;
            let space = match b[k] {
                b' ' | b'\t'..=b'\r' => 1,
                0xC2 | 0xE1 | 0xE2 | 0xE3 => s[k..]
                    .chars()
                    .next()
                    .filter(|c| c.is_whitespace())
                    .map_or(0, char::len_utf8),
                _ => 0,
            };
            if space > 0 {
                if k > start {
                    out.push(&s[start..k]);
                }
                start = k + space;
            }
        }
        at += 8;
    }
    if start < b.len() {
        out.push(&s[start..]);
    }
}

/// A name seen in the text (not necessarily a source), used as an
/// antecedent for pronouns and short names.
///
/// The cleaned name is shared by every sighting of the same words (a
/// repeated name costs a reference count, not copies of its strings);
/// its fields read through `Deref`.
#[derive(Clone, Debug)]
pub struct NameSighting {
    pub span: Span,
    cleaned: std::rc::Rc<SightedName>,
    /// Where the sentence ends when the name opens it as the subject of a
    /// person (`C. Boyden Gray, who served …`, `Ana Ruiz said`).
    subject_of: Option<u32>,
    /// Where the sighting's sentence ends.
    sentence_end: u32,
    /// The gender of a `he` or `she` earlier in the sentence, when the name
    /// is not the subject of a verb of its own (`he said, … lobbying by
    /// loyalists to Joe Biden`): that pronoun goes on about someone named
    /// before, who stays the topic, and the name is only mentioned.
    after_pronoun: Option<Gender>,
    /// Whether the name is inside a quotation (set by [`mark_quoted`]):
    /// somebody's words that name a person (`“I voted for Joe Marsh,” he
    /// said`) do not make that person the narrative's next `he`.
    in_quote: bool,
}

/// Marks the sightings that lie inside a top-level quotation.
pub fn mark_quoted(sightings: &mut [NameSighting], quotes: &[crate::quotes::Quote]) {
    let mut inside: Vec<Span> = quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.content)
        .collect();
    inside.sort_unstable_by_key(|c| c.start);
    if inside.is_empty() {
        return;
    }
    for x in sightings {
        let k = inside.partition_point(|c| c.start <= x.span.start);
        x.in_quote = k > 0 && inside[k - 1].contains(x.span);
    }
}

/// What a [`NameSighting`]'s words give, the same for every sighting of them.
#[derive(Debug)]
pub struct SightedName {
    pub name: String,
    pub roles: Vec<String>,
    /// The name's [`name_words`], computed once.
    pub words: NameWords,
    /// The gender [`clean_name`] tells from the words as written.
    pub gender: Option<Gender>,
    /// Whether the name is an organisation's, decided on first use.
    org: std::cell::OnceCell<bool>,
    /// `name.split_whitespace().count()`.
    name_len: usize,
    /// [`EntityKey`] of `words`.
    key: EntityKey,
    /// Whether the name's [`last_word_lower`] is the last of `words`
    /// (it is unless that word was dropped: empty once trimmed, or an
    /// article).
    key_is_last: bool,
}

impl SightedName {
    /// The name as cleaned, with its words, key and length worked out.
    fn new(name: String, roles: Vec<String>, gender: Option<Gender>) -> std::rc::Rc<Self> {
        let counted = name_words_counted(&name);
        Self::with_words(name, counted, roles, gender)
    }

    /// [`SightedName::new`] with [`name_words_counted`] of `name` known.
    fn with_words(
        name: String,
        (words, name_len, key_is_last): (NameWords, usize, bool),
        roles: Vec<String>,
        gender: Option<Gender>,
    ) -> std::rc::Rc<Self> {
        debug_assert_eq!(name_len, word_count(&name));
        std::rc::Rc::new(SightedName {
            name_len,
            key: EntityKey::of(&words),
            name,
            roles,
            words,
            gender,
            org: std::cell::OnceCell::new(),
            key_is_last,
        })
    }

    /// [`last_word_lower`] of the name, read from its words when it is
    /// the last of them.
    fn last_key(&self) -> crate::lower::Lower<'_> {
        match self.words.last() {
            Some(w) if self.key_is_last => crate::lower::Lower::Borrowed(w),
            _ => last_word_lower(&self.name),
        }
    }
}

impl std::ops::Deref for NameSighting {
    type Target = SightedName;
    fn deref(&self) -> &SightedName {
        &self.cleaned
    }
}

impl SightedName {
    /// [`is_org`] of the name, computed once.
    fn is_org(&self, rules: &LangRules) -> bool {
        *self.org.get_or_init(|| is_org(&self.name, rules))
    }
}

impl SpeakerTable {
    pub fn into_speakers(self) -> Vec<Speaker> {
        self.speakers
    }

    fn note(&mut self, id: usize, span: Span) {
        self.speakers[id].mentions.push(span);
        self.log.push((span.start, id));
    }

    fn push_speaker(&mut self, speaker: Speaker) -> usize {
        let key = last_word_key(&speaker.name);
        let (words, name_len, _) = name_words_counted(&speaker.name);
        let entity = EntityKey::of(&words);
        self.push_speaker_with(speaker, key, words, entity, name_len)
    }

    /// [`SpeakerTable::push_speaker`] with the name's [`last_word_key`],
    /// [`name_words`], their [`EntityKey`] and [`word_count`] known
    /// already.
    fn push_speaker_with(
        &mut self,
        speaker: Speaker,
        key: String,
        words: NameWords,
        entity: EntityKey,
        name_len: usize,
    ) -> usize {
        debug_assert_eq!(name_len, word_count(&speaker.name));
        debug_assert_eq!(entity, EntityKey::of(&words));
        let id = self.speakers.len();
        if id == 0 {
            // An article names a handful of speakers: room for them at
            // once, rather than growing each vector from one.
            self.speakers.reserve(8);
            self.keys.reserve(8);
            self.words.reserve(8);
            self.name_lens.reserve(8);
            self.by_last.reserve(8);
            self.log.reserve(32);
        }
        self.by_last.entry(key).or_default().push(id);
        self.keys.push(entity);
        self.words.push(words);
        self.name_lens.push(name_len);
        for &m in &speaker.mentions {
            self.log.push((m.start, id));
        }
        self.speakers.push(speaker);
        id
    }

    /// Resolves a source mention at its place in the text and records it.
    /// Returns the speaker index and how it was found.
    pub fn resolve(
        &mut self,
        text: &str,
        m: &Mention,
        sightings: &[NameSighting],
        rules: &LangRules,
    ) -> Option<(u32, Resolution)> {
        let raw = m.span.slice(text);
        match m.kind {
            // `Graham, who says …`: a relative pronoun stands for the name
            // right before it.
            // `the Chicago Police Department which reported`: so does
            // `which` for an organisation's name.
            MentionKind::Pronoun if matches!(raw, "who" | "Who" | "whom" | "which") => {
                let i = sightings.partition_point(|s| s.span.end <= m.span.start);
                let s = sightings[..i].last()?;
                let gap = text.get(s.span.end as usize..m.span.start as usize)?;
                if !gap
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '-' | '—' | '–'))
                {
                    return None;
                }
                let name = Mention {
                    span: s.span,
                    kind: MentionKind::Name,
                };
                let (id, _) = self.resolve(text, &name, sightings, rules)?;
                self.note(id as usize, m.span);
                Some((id, Resolution::Pronoun))
            }
            MentionKind::Pronoun => {
                let info = rules.pronouns.get(&lower(raw)).copied()?;
                let id =
                    self.antecedent(m.span.start, info.gender, info.number, sightings, rules)?;
                self.note(id, m.span);
                if self.speakers[id].gender.is_none()
                    && matches!(info.gender, Gender::Male | Gender::Female)
                {
                    self.speakers[id].gender = Some(info.gender);
                }
                Some((id as u32, Resolution::Pronoun))
            }
            MentionKind::Name => {
                // (Borrowed from the cleaned words: the table copies only
                // what it keeps.)
                let (cleaned, org) = self.clean_mention(raw, m.span, sightings, rules);
                let (name, roles, gender, key) = (
                    cleaned.name.as_str(),
                    &cleaned.roles[..],
                    cleaned.gender,
                    cleaned.key,
                );
                let words = Cow::Borrowed(&cleaned.words);
                if name.is_empty() {
                    return None;
                }
                // A gendered title or given name (`Board member Glen Ruiz`)
                // makes a person whatever organisation word precedes it.
                let kind = if org && gender.is_none() {
                    SpeakerKind::Organisation
                } else {
                    SpeakerKind::Person
                };
                // A sighting earlier in the text may give the fuller name.
                let upto = sightings.partition_point(|s| s.span.start <= m.span.start);
                // (A sighting of these very words, sharing their cleaning,
                // is the same entity when they have any word.)
                let has_words = !cleaned.words.is_empty();
                let same = |s: &NameSighting| {
                    has_words && std::rc::Rc::ptr_eq(&s.cleaned, &cleaned)
                        || s.key.may_match(&key)
                            && same_entity_keyed(&s.words, &s.key, &words, &key)
                };
                // The last of the longest that are the same entity (what
                // `filter(same).max_by_key(name_len)` gives), found from
                // the end: once one is found, only a longer name can
                // replace it, and a name no longer is passed over without
                // its words compared.
                // (The length to reach held apart: 0 while none is found,
                // one more than the found one's after.)
                let mut fuller: Option<&NameSighting> = None;
                let mut floor = 0;
                for s in sightings[upto.saturating_sub(LOOKBACK)..upto].iter().rev() {
                    if s.name_len >= floor && same(s) {
                        fuller = Some(s);
                        floor = s.name_len + 1;
                    }
                }
                let (id, res) = self.add_named_with(
                    name,
                    cleaned.name_len,
                    &cleaned.last_key(),
                    words,
                    key,
                    kind,
                    m.span,
                    roles,
                    gender,
                );
                if let Some(f) = fuller {
                    if f.name_len > self.name_lens[id] {
                        self.speakers[id].name = f.name.clone();
                        self.name_lens[id] = f.name_len;
                        // A sighting's words are `name_words` of its name.
                        self.words[id] = f.words.clone();
                        self.keys[id] = f.key;
                    }
                    for r in &f.roles {
                        if !self.speakers[id].roles.contains(r) {
                            self.speakers[id].roles.push(r.clone());
                        }
                    }
                    if self.speakers[id].name != name {
                        return Some((id as u32, Resolution::ShortName));
                    }
                }
                Some((id as u32, res))
            }
            MentionKind::Nominal => {
                let lowered = lower(raw);
                let head = strip_possessive(last_word(&lowered)?);
                // The most recent speaker introduced with this role.
                if let Some(id) = self.by_role(head, sightings, m.span.start) {
                    self.note(id, m.span);
                    return Some((id as u32, Resolution::Role));
                }
                let kind = if rules.org_words.contains(head) || rules.org_nouns.contains(head) {
                    SpeakerKind::Organisation
                } else {
                    SpeakerKind::Person
                };
                let (words, name_len, _) = name_words_counted(raw);
                let key = EntityKey::of(&words);
                let (id, res) = self.add_named_with(
                    raw,
                    name_len,
                    &last_word_lower(raw),
                    Cow::Owned(words),
                    key,
                    kind,
                    m.span,
                    &[],
                    None,
                );
                Some((id as u32, res))
            }
            MentionKind::Document | MentionKind::Anonymous => {
                let kind = if m.kind == MentionKind::Document {
                    SpeakerKind::Document
                } else {
                    SpeakerKind::Anonymous
                };
                let name = raw
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_string();
                // (The key borrowed or on the stack: no `String` for a
                // lookup.)
                let id = self
                    .by_last
                    .get(last_word_lower(&name).as_ref())
                    .and_then(|ids| {
                        ids.iter().copied().find(|&i| {
                            self.speakers[i].kind == kind
                                && self.speakers[i].name.eq_ignore_ascii_case(&name)
                        })
                    });
                let id = match id {
                    Some(id) => {
                        self.note(id, m.span);
                        id
                    }
                    None => self.push_speaker(Speaker {
                        name,
                        kind,
                        mentions: first_mention(m.span),
                        roles: vec![],
                        gender: None,
                        belongs_to: None,
                    }),
                };
                if kind == SpeakerKind::Document && self.speakers[id].belongs_to.is_none() {
                    // "the statement" belongs to the organisation or person
                    // who spoke last before it.
                    let owner = self.last_speaker_before(m.span.start, |s| {
                        matches!(s.kind, SpeakerKind::Organisation | SpeakerKind::Person)
                    });
                    self.speakers[id].belongs_to = owner.map(|o| o as u32);
                }
                Some((id as u32, Resolution::AsWritten))
            }
        }
    }

    /// A named mention's words cleaned ([`clean_name`], [`name_words`]),
    /// and whether they name an organisation unless a gender says
    /// otherwise ([`is_org`] and not [`headed_by_person`]): all of it
    /// depends on the words alone, so it is worked out once per distinct
    /// words (taken from the sighting of exactly these words, when there
    /// is one, which has them cleaned already).
    fn clean_mention(
        &mut self,
        raw: &str,
        span: Span,
        sightings: &[NameSighting],
        rules: &LangRules,
    ) -> (std::rc::Rc<SightedName>, bool) {
        if let Some((cleaned, org)) = self.cleaned.get(raw) {
            return (cleaned.clone(), *org);
        }
        let at = sightings.partition_point(|s| s.span.start < span.start);
        let cleaned = match sightings.get(at) {
            Some(s) if s.span == span => s.cleaned.clone(),
            _ => {
                let (name, roles, gender, counted) = clean_name_counted(raw, rules);
                SightedName::with_words(name, counted, roles, gender)
            }
        };
        // (Only a mention with no gender and a name can be an
        // organisation's, the one use of the flag: the word tests are
        // skipped for the others.)
        let org = cleaned.gender.is_none()
            && !cleaned.name.is_empty()
            && is_org(raw, rules)
            && !headed_by_person(raw, rules);
        if self.cleaned.is_empty() {
            // Room for an article's named mentions at once.
            self.cleaned.reserve(16);
        }
        self.cleaned.insert(raw.to_owned(), (cleaned.clone(), org));
        (cleaned, org)
    }

    /// For a `he`/`she` resolved to `speaker`: another person, compatible
    /// with the pronoun, named in the same sentence as the speaker's last
    /// mention before it — the reader can't tell which one is meant.
    pub fn rival(
        &mut self,
        text: &str,
        pronoun: Span,
        speaker: u32,
        sightings: &[NameSighting],
        sentences: &[Span],
        rules: &LangRules,
    ) -> Option<Span> {
        let gender = rules.pronouns.get(&lower(pronoun.slice(text)))?.gender;
        if !matches!(gender, Gender::Male | Gender::Female) {
            return None;
        }
        let s = &self.speakers[speaker as usize];
        // Judge only where the text shows the speaker fits the pronoun.
        // (Its own name or title, not the pronouns already resolved to it.)
        // (The name is cleaned once, not for every pronoun.)
        if s.kind != SpeakerKind::Person {
            return None;
        }
        let told = match self.name_genders.get(s.name.as_str()) {
            Some(&g) => g,
            None => {
                let g = clean_name(&s.name, rules).2;
                self.name_genders.insert(s.name.clone(), g);
                g
            }
        };
        let s = &self.speakers[speaker as usize];
        if told != Some(gender) {
            return None;
        }
        let last = s
            .mentions
            .iter()
            .filter(|m| m.start < pronoun.start)
            .max_by_key(|m| m.start)?;
        // A pronoun after a sentence whose subject the speaker is means the
        // subject, not another name in it (`Speaker Paul D. Ryan, who was
        // reluctant to endorse Mr. Trump, … what he called …`).
        let at = sightings.partition_point(|x| x.span.start < last.start);
        if sightings
            .get(at)
            .is_some_and(|x| x.span == *last && x.subject_of.is_some())
        {
            return None;
        }
        let si = sentences.partition_point(|x| x.end <= last.start);
        let sent = sentences.get(si).filter(|x| x.contains(*last))?;
        let upto = sightings.partition_point(|x| x.span.start < pronoun.start);
        let near = &sightings[upto.saturating_sub(LOOKBACK)..upto];
        // The speaker is that sentence's subject (`Mr. Trump said having
        // Mr. Putin treat him with respect …`).
        if near.iter().any(|x| {
            sent.contains(x.span)
                && x.subject_of.is_some()
                && same_entity_words(&x.words, &self.words[speaker as usize])
        }) {
            return None;
        }
        near.iter()
            .filter(|x| {
                sent.contains(x.span)
                    && !x.in_quote
                    && !same_entity_words(&x.words, &self.words[speaker as usize])
                    && !x.is_org(rules)
            })
            // Only a rival the text shows to be compatible (a given name or
            // a title of that gender) makes the pronoun ambiguous.
            .filter(|x| x.gender == Some(gender))
            .map(|x| x.span)
            .next_back()
    }

    /// `mention_words` are [`name_words`] of `name`, `mention_key` their
    /// [`EntityKey`]; the words are copied only when the table keeps them.
    #[allow(clippy::too_many_arguments)]
    #[cfg(test)]
    fn add_named(
        &mut self,
        name: &str,
        mention_words: Cow<'_, NameWords>,
        mention_key: EntityKey,
        kind: SpeakerKind,
        span: Span,
        roles: &[String],
        gender: Option<Gender>,
    ) -> (usize, Resolution) {
        self.add_named_with(
            name,
            word_count(name),
            &last_word_lower(name),
            mention_words,
            mention_key,
            kind,
            span,
            roles,
            gender,
        )
    }

    /// [`SpeakerTable::add_named`] with the name's [`word_count`] and
    /// [`last_word_lower`] known.
    #[allow(clippy::too_many_arguments)]
    fn add_named_with(
        &mut self,
        name: &str,
        name_len: usize,
        key: &str,
        mention_words: Cow<'_, NameWords>,
        mention_key: EntityKey,
        kind: SpeakerKind,
        span: Span,
        roles: &[String],
        gender: Option<Gender>,
    ) -> (usize, Resolution) {
        debug_assert_eq!(name_len, word_count(name));
        debug_assert_eq!(key, &*last_word_lower(name));
        debug_assert_eq!(mention_key, EntityKey::of(&mention_words));
        let exact = self.by_last.get(key).map_or(&[][..], |ids| ids.as_slice());
        // The key turns away most speakers before their words are compared.
        let same = |&i: &usize| {
            let s = &self.speakers[i];
            matches!(s.kind, SpeakerKind::Person | SpeakerKind::Organisation)
                && self.keys[i].may_match(&mention_key)
                && same_entity_keyed(&self.words[i], &self.keys[i], &mention_words, &mention_key)
        };
        // The speakers under the same last word first, then (when there
        // are few enough) every speaker.
        // Never one of the other gender (`Mr. Khan` is not Ghazala Khan);
        // one known to be of the mention's gender first (`Mrs. Khan` is
        // Ghazala Khan, not Khizr Khan); then the one named last (`Trump`
        // after Melania Trump and Donald Trump).
        let fits =
            |i: &usize| gender.is_none_or(|g| self.speakers[*i].gender.is_none_or(|h| h == g));
        // (Mostly one speaker fits: the ranking, which walks the log for
        // each, is for when there are several.)
        let mut fitting = exact.iter().copied().filter(same).filter(fits);
        let found = match (fitting.next(), fitting.next()) {
            (Some(i), None) => Some(i),
            (Some(a), Some(b)) => [a, b].into_iter().chain(fitting).max_by_key(|&i| {
                (
                    gender.is_some() && self.speakers[i].gender == gender,
                    self.last_position_of(i, span.start),
                    std::cmp::Reverse(i),
                )
            }),
            (None, _) => None,
        }
        .or_else(|| {
            // (The keys first, side by side in their own vector: most
            // speakers are turned away without their fields read.)
            (self.speakers.len() <= FUZZY_LIMIT)
                .then(|| {
                    (0..self.speakers.len())
                        .find(|i| self.keys[*i].may_match(&mention_key) && fits(i) && same(i))
                })
                .flatten()
        });
        if let Some(i) = found {
            self.note(i, span);
            let s = &mut self.speakers[i];
            let (new_len, old_len) = (name_len, self.name_lens[i]);
            let res = if new_len < old_len {
                Resolution::ShortName
            } else {
                if new_len > old_len {
                    s.name = name.to_string();
                    self.name_lens[i] = new_len;
                    self.words[i] = mention_words.into_owned();
                    self.keys[i] = mention_key;
                }
                Resolution::AsWritten
            };
            for r in roles {
                if !s.roles.contains(r) {
                    s.roles.push(r.clone());
                }
            }
            if s.gender.is_none() {
                s.gender = gender;
            }
            return (i, res);
        }
        let speaker = Speaker {
            name: name.to_string(),
            kind,
            mentions: first_mention(span),
            roles: roles.to_vec(),
            gender,
            belongs_to: None,
        };
        let id = self.push_speaker_with(
            speaker,
            key.to_owned(),
            mention_words.into_owned(),
            mention_key,
            name_len,
        );
        (id, Resolution::AsWritten)
    }

    fn last_speaker_before(&self, at: u32, ok: impl Fn(&Speaker) -> bool) -> Option<usize> {
        self.last_mention_before(at, ok).map(|(_, id)| id)
    }

    /// [`SpeakerTable::last_speaker_before`] with the position of that
    /// mention, which is [`SpeakerTable::last_position_of`] the speaker
    /// (`ok` depends on the speaker alone, so every mention of the speaker
    /// in the window passes it, and the one found is the latest).
    fn last_mention_before(&self, at: u32, ok: impl Fn(&Speaker) -> bool) -> Option<(u32, usize)> {
        // `filter(ok).max_by_key(position)`, the last of the latest, with
        // `ok` asked only of a mention that would be kept (one no earlier
        // than the one found): the log is mostly in order, so walked back
        // it finds the latest first and reads few speakers after it.
        // (The window as a slice, no count kept; the position to reach
        // held apart, 0 while none is found: every position reaches 0.)
        let mut found: Option<(u32, usize)> = None;
        let mut floor = 0;
        for &(p, id) in self.recent().iter().rev() {
            if p < at && p >= floor && ok(&self.speakers[id]) {
                found = Some((p, id));
                floor = p;
            }
        }
        found
    }

    /// The last [`LOOKBACK`] mentions of the log.
    #[inline]
    fn recent(&self) -> &[(u32, usize)] {
        &self.log[self.log.len().saturating_sub(LOOKBACK)..]
    }

    fn last_position_of(&self, id: usize, at: u32) -> u32 {
        self.recent()
            .iter()
            .rev()
            .filter(|(p, i)| *i == id && *p < at)
            .map(|(p, _)| *p)
            .max()
            .unwrap_or(0)
    }

    fn by_role(&mut self, head: &str, sightings: &[NameSighting], at: u32) -> Option<usize> {
        if let Some(i) = self.last_speaker_before(at, |s| s.roles.iter().any(|r| r == head)) {
            return Some(i);
        }
        let upto = sightings.partition_point(|s| s.span.start < at);
        let s = sightings[upto.saturating_sub(LOOKBACK)..upto]
            .iter()
            .rev()
            .find(|s| s.roles.iter().any(|r| r == head))?;
        Some(self.add_sighted_person(s, None))
    }

    /// Adds the person a name sighting names (or finds them in the table).
    fn add_sighted_person(&mut self, s: &NameSighting, gender: Option<Gender>) -> usize {
        let (id, _) = self.add_named_with(
            &s.name,
            s.name_len,
            &s.last_key(),
            Cow::Borrowed(&s.words),
            s.key,
            SpeakerKind::Person,
            s.span,
            &s.roles,
            gender,
        );
        id
    }

    /// The most recent speaker (or, failing that, named person in the text)
    /// compatible with a pronoun.
    fn antecedent(
        &mut self,
        at: u32,
        gender: Gender,
        number: Number,
        sightings: &[NameSighting],
        rules: &LangRules,
    ) -> Option<usize> {
        let person = matches!(gender, Gender::Male | Gender::Female);
        let compatible = |s: &Speaker| {
            if person {
                s.kind == SpeakerKind::Person && s.gender.is_none_or(|g| g == gender)
            } else if number == Number::Plural {
                s.kind != SpeakerKind::Person || s.name.contains(" and ")
            } else {
                matches!(s.kind, SpeakerKind::Organisation | SpeakerKind::Document)
            }
        };
        // (The position comes with the mention: no second walk of the log.)
        let from_table = self.last_mention_before(at, compatible);
        debug_assert_eq!(
            from_table.map(|(p, _)| p),
            from_table.map(|(_, i)| self.last_position_of(i, at))
        );
        // Whether the last speaker is one the text shows to fit the
        // pronoun (a `he` already taken for it, a title, a given name):
        // else a mention after a `he` gives way only to a subject named
        // before it (`Ted Cruz, who won …`).
        let topic_fits = from_table.is_some_and(|(_, i)| self.speakers[i].gender == Some(gender));
        // `C. Boyden Gray, who served under George Bush, …: “…,” he said`:
        // the person the sentence is about, not a name inside its clauses.
        // (Looked for before the nearer person below, which it overrides.)
        if person {
            let upto = sightings.partition_point(|s| s.span.end <= at);
            let subject = sightings[upto.saturating_sub(LOOKBACK)..upto]
                .iter()
                .rev()
                .take_while(|s| s.subject_of.is_none_or(|end| at < end))
                .find(|s| s.subject_of.is_some_and(|end| at < end))
                .filter(|s| !s.is_org(rules) && s.gender.is_none_or(|g| g == gender));
            if let Some(s) = subject {
                let s = s.clone();
                return Some(self.add_sighted_person(&s, person.then_some(gender)));
            }
        }
        // A person named after the last speaker's mention is nearer.
        let sighting = if person {
            let upto = sightings.partition_point(|s| s.span.end <= at);
            let window = &sightings[upto.saturating_sub(LOOKBACK)..upto];
            window
                .iter()
                .rev()
                .filter(|s| !s.in_quote && !s.is_org(rules) && s.gender.is_none_or(|g| g == gender))
                // `Trump said praise from Vladimir Putin would not sway
                // him. He said …`: the subject of that sentence, not the
                // last name in it.
                .map(|c| {
                    sightings[..upto]
                        .iter()
                        .rev()
                        .take_while(|t| t.sentence_end == c.sentence_end)
                        .filter(|t| t.span.start < c.span.start && t.subject_of.is_some())
                        .find(|t| !t.is_org(rules) && t.gender.is_none_or(|g| g == gender))
                        .unwrap_or(c)
                })
                // A bare capitalised phrase (`City Hall`, `Mill Street`,
                // `the term 'African American outreach'`) is only a person
                // when it carries a title or role (`Mayor Dana Whitfield`),
                // or when no speaker in the table could be meant; else the
                // search goes on before it.
                .filter(|s| {
                    !s.roles.is_empty()
                        || s.gender.is_some()
                        || s.subject_of.is_some()
                        || from_table.is_none()
                })
                // `Though …, he said, … loyalists to Joe Biden and Bernie
                // Sanders. “…,” he said`: a name mentioned after a `he`
                // that goes on about someone before is not who `he` is now.
                .find(|c| {
                    c.after_pronoun != Some(gender)
                        || !topic_fits
                            && !window.iter().any(|t| {
                                t.span.start < c.span.start
                                    && t.subject_of.is_some()
                                    && !t.is_org(rules)
                                    && t.gender.is_none_or(|g| g == gender)
                            })
                })
        } else {
            None
        };
        match (from_table, sighting) {
            (Some((p, i)), Some(s))
                if s.span.start <= p || same_entity_words(&self.words[i], &s.words) =>
            {
                Some(i)
            }
            (_, Some(s)) => {
                let s = s.clone();
                Some(self.add_sighted_person(&s, person.then_some(gender)))
            }
            (Some((_, i)), None) => Some(i),
            (None, None) => None,
        }
    }
}

/// Whether two names are the same entity: one's words contain the other's
/// (`Putin` ⊂ `Vladimir Putin`), or surnames are near-identical spellings.
pub fn same_entity(a: &str, b: &str) -> bool {
    same_entity_words(&name_words(a), &name_words(b))
}

/// A name's words, lowercased, without possessives, punctuation and articles.
pub fn name_words(s: &str) -> NameWords {
    name_words_counted(s).0
}

/// [`name_words`] of `s`, [`word_count`] of `s`, and whether
/// [`last_word_lower`] of `s` is the last of the words (its last word was
/// kept), in one pass over the words.
fn name_words_counted(s: &str) -> (NameWords, usize, bool) {
    // (Split eight bytes at a time.)
    let mut words: SmallVec<[&str; 8]> = SmallVec::new();
    push_words(s, &mut words);
    words_counted(words.iter().copied(), s.len())
}

/// [`name_words_counted`] of the name whose words (as [`push_words`]
/// gives them) are `words`, `len` bytes in all at most.
fn words_counted<'a>(words: impl Iterator<Item = &'a str>, len: usize) -> (NameWords, usize, bool) {
    let mut out = NameWords::with_capacity(len);
    let mut n = 0;
    let mut last_kept = false;
    for w in words {
        n += 1;
        last_kept = out.push_word(w);
    }
    out.lower_ascii();
    (out, n, last_kept)
}

/// The words [`name_words`] gives, back to back in one buffer (one
/// allocation for the name, not one a word).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NameWords {
    buf: String,
    /// Where each word ends in `buf`; the next starts there.
    ends: SmallVec<[usize; 4]>,
}

impl Clone for NameWords {
    /// (The ends copied as a slice, not pushed one by one.)
    fn clone(&self) -> Self {
        NameWords {
            buf: self.buf.clone(),
            ends: SmallVec::from_slice(&self.ends),
        }
    }
}

impl NameWords {
    /// No words yet, with room for `len` bytes of them.
    fn with_capacity(len: usize) -> Self {
        NameWords {
            buf: String::with_capacity(len),
            ends: SmallVec::new(),
        }
    }

    /// Adds a word of a name, as [`push_words`] gives it: without its
    /// possessive and the punctuation about it, lower-cased, unless that
    /// leaves nothing or an article. Whether it was added.
    ///
    /// (An ASCII word is copied as written, its article test blind to
    /// case, and lowered with the others by [`NameWords::lower_ascii`]
    /// once the words are in: one pass over the buffer, not one a word.)
    ///
    /// (Inline, for the ASCII words of a name in the loop that pushes
    /// them, with no call a word; a word that is not ASCII is
    /// [`NameWords::push_wide_word`]'s.)
    #[inline(always)]
    fn push_word(&mut self, w: &str) -> bool {
        let w = trim_non_alnum(strip_possessive(w));
        if !w.is_ascii() {
            return self.push_wide_word(w);
        }
        let article = matches!(
            w.as_bytes(),
            [b't' | b'T', b'h' | b'H', b'e' | b'E'] | [b'a' | b'A'] | [b'a' | b'A', b'n' | b'N']
        );
        if w.is_empty() || article {
            return false;
        }
        self.buf.push_str(w);
        self.ends.push(self.buf.len());
        true
    }

    /// [`NameWords::push_word`] of a word, trimmed, that is not ASCII.
    #[inline(never)]
    fn push_wide_word(&mut self, w: &str) -> bool {
        // (Not ASCII: not empty, nor is its lower case.)
        let w = lower(w);
        if matches!(&*w, "the" | "a" | "an") {
            return false;
        }
        self.buf.push_str(&w);
        self.ends.push(self.buf.len());
        true
    }

    /// Lowers the ASCII words [`NameWords::push_word`] copied as written.
    /// (The other words are lower case already, and a lower case holds
    /// no ASCII capital: they are left as they are.)
    fn lower_ascii(&mut self) {
        self.buf.make_ascii_lowercase();
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.buf[start..end])
    }

    #[inline]
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    #[inline]
    pub fn last(&self) -> Option<&str> {
        self.get(self.len().checked_sub(1)?)
    }

    #[inline]
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let w = &self.buf[start..end];
            start = end;
            w
        })
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }

    /// The bytes of the last word (what [`NameWords::last`] gives, without
    /// a `str` sliced).
    #[inline]
    fn last_bytes(&self) -> Option<&[u8]> {
        let (&end, before) = self.ends.split_last()?;
        let start = before.last().copied().unwrap_or(0);
        Some(&self.buf.as_bytes()[start..end])
    }

    /// Whether every word of `self` is a word of `other` (`self.iter()
    /// .all(|w| other.contains(w))`, on the bytes: lengths compared
    /// before bytes, no `str` slicing).
    #[inline]
    fn subset_of(&self, other: &NameWords) -> bool {
        let (xb, yb) = (self.buf.as_bytes(), other.buf.as_bytes());
        let mut xs = 0;
        'words: for &xe in &self.ends {
            let w = &xb[xs..xe];
            xs = xe;
            let mut ys = 0;
            for &ye in &other.ends {
                let v = &yb[ys..ye];
                if v.len() == w.len() && v.first() == w.first() && same_bytes(v, w) {
                    continue 'words;
                }
                ys = ye;
            }
            return false;
        }
        true
    }
}

/// What [`same_entity_words`] needs to reject most pairs without comparing
/// strings: a 64-bit set of the words (by length, first and last byte),
/// and the last word's first byte and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct EntityKey {
    words: u64,
    last_first: Option<u8>,
    last_len: usize,
}

impl EntityKey {
    fn of(words: &NameWords) -> Self {
        let bit = |b: &[u8]| {
            let h = (b.len() as u32)
                ^ u32::from(b.first().copied().unwrap_or(0)) << 8
                ^ u32::from(b.last().copied().unwrap_or(0)) << 16;
            1u64 << (h.wrapping_mul(0x9E37_79B1) >> 26)
        };
        // (On the bytes of the buffer: no `str` slicing.)
        let buf = words.buf.as_bytes();
        let (mut set, mut start, mut last): (u64, usize, &[u8]) = (0, 0, &[]);
        for &end in &words.ends {
            last = &buf[start..end];
            set |= bit(last);
            start = end;
        }
        EntityKey {
            words: set,
            last_first: last.first().copied(),
            last_len: last.len(),
        }
    }

    /// False only when `same_entity_words(a, b)` is false, `self` being
    /// the key of `a` and `other` of `b`: neither word list can be a
    /// subset of the other when each has a word the other's set lacks,
    /// and near spellings need `a`'s last word of five bytes or more and
    /// the same first character (so the same first byte) in both.
    #[inline]
    fn may_match(&self, other: &EntityKey) -> bool {
        self.words & !other.words == 0
            || other.words & !self.words == 0
            || (self.last_len >= 5 && self.last_first == other.last_first)
    }
}

/// [`same_entity`] on words from [`name_words`].
pub fn same_entity_words(wa: &NameWords, wb: &NameWords) -> bool {
    same_entity_with(wa, wb, true, true)
}

/// [`same_entity_words`] for word lists whose [`EntityKey`]s are `ka` and
/// `kb`: a list with a word bit the other's key lacks has a word the other
/// lacks, so it is no subset of it, known without comparing words.
fn same_entity_keyed(wa: &NameWords, ka: &EntityKey, wb: &NameWords, kb: &EntityKey) -> bool {
    same_entity_with(wa, wb, ka.words & !kb.words == 0, kb.words & !ka.words == 0)
}

/// [`same_entity_words`], testing `wa ⊆ wb` only when `may_ab` and
/// `wb ⊆ wa` only when `may_ba` (false only where it cannot hold).
#[inline]
fn same_entity_with(wa: &NameWords, wb: &NameWords, may_ab: bool, may_ba: bool) -> bool {
    // (The last words' bytes: the words as `str` only for the spelling.)
    let (Some(la), Some(lb)) = (wa.last_bytes(), wb.last_bytes()) else {
        return false;
    };
    // The same words (a name met again) are each other's subset, sharing
    // their last word, known without a word looked up.
    if (may_ab || may_ba) && wa == wb {
        return true;
    }
    if (may_ab && wa.subset_of(wb)) || (may_ba && wb.subset_of(wa)) {
        // A lone first name shared by two people is not enough; a shared
        // surname (last word) is.
        return (la.len() == lb.len() && same_bytes(la, lb)) || wa.len() > 1 && wb.len() > 1;
    }
    if la.len() < 5 {
        return false;
    }
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else {
        return false;
    };
    la.chars().next() == lb.chars().next()
        && (wa.len() == 1 || wb.len() == 1 || wa.first() == wb.first())
        && near_spelling(la, lb)
}

/// `a == b`, read a few bytes at a time where the slices are short (as
/// words are) rather than by a `memcmp` call: two reads that overlap, or
/// three single bytes, cover a short slice.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let read4 = |s: &[u8], k: usize| u32::from_le_bytes(s[k..k + 4].try_into().expect("4"));
    let read8 = |s: &[u8], k: usize| u64::from_le_bytes(s[k..k + 8].try_into().expect("8"));
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=8 => read4(a, 0) == read4(b, 0) && read4(a, n - 4) == read4(b, n - 4),
        9..=16 => read8(a, 0) == read8(b, 0) && read8(a, n - 8) == read8(b, n - 8),
        _ => a == b,
    }
}

/// `strsim::jaro_winkler(a, b) >= 0.93`, rejecting most ASCII pairs first
/// by a bound. Jaro–Winkler is at most `0.4 + 0.6·J` (a prefix of at most
/// four, weight 0.1), so 0.93 needs Jaro `J ≥ 0.883`; and `J ≤ (m/|a| +
/// m/|b| + 1) / 3` where `m`, the matching characters, is at most the
/// characters the words share. Below `J = 0.88` by that bound, in exact
/// integer arithmetic, the pair is rejected without the Jaro computation.
fn near_spelling(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() && !a.is_empty() && !b.is_empty() {
        let mut count = [0u16; 128];
        for &c in a.as_bytes() {
            count[usize::from(c)] += 1;
        }
        let mut shared = 0usize;
        for &c in b.as_bytes() {
            let k = &mut count[usize::from(c)];
            if *k > 0 {
                *k -= 1;
                shared += 1;
            }
        }
        let (la, lb) = (a.len(), b.len());
        if 100 * shared * (la + lb) < 164 * la * lb {
            return false;
        }
    }
    strsim::jaro_winkler(a, b) >= 0.93
}

fn is_org(raw: &str, rules: &LangRules) -> bool {
    let lowered = lower(raw);
    if lowered.starts_with("the ") {
        return true;
    }
    // (Split eight bytes at a time.)
    let mut words: SmallVec<[&str; 8]> = SmallVec::new();
    push_words(&lowered, &mut words);
    words.iter().any(|w| {
        let w = strip_possessive(w);
        // Nothing to trim when both ends are ASCII letters, digits or periods.
        let kept = |b: &u8| b.is_ascii_alphanumeric() || *b == b'.';
        let w = match (w.as_bytes().first(), w.as_bytes().last()) {
            (Some(a), Some(z)) if kept(a) && kept(z) => w,
            _ => w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
        };
        rules.org_words.contains(w)
    })
}

/// A name without its titles and role words, the roles it carried, and the
/// gender a title tells (`Mr.`, `Ms.`).
pub fn clean_name(raw: &str, rules: &LangRules) -> (String, Vec<String>, Option<Gender>) {
    let (name, roles, gender, _) = clean_name_with(raw, rules, false);
    (name, roles, gender)
}

/// [`clean_name`], with [`name_words_counted`] of the name, taken from the
/// words the cleaning kept rather than by splitting the name again.
fn clean_name_counted(
    raw: &str,
    rules: &LangRules,
) -> (
    String,
    Vec<String>,
    Option<Gender>,
    (NameWords, usize, bool),
) {
    let (name, roles, gender, counted) = clean_name_with(raw, rules, true);
    let counted = counted.unwrap_or_else(|| name_words_counted(&name));
    debug_assert_eq!(counted, name_words_counted(&name));
    (name, roles, gender, counted)
}

/// [`clean_name`], and with `count` [`name_words_counted`] of the name
/// when it is made of the kept words.
#[allow(clippy::type_complexity)]
fn clean_name_with(
    raw: &str,
    rules: &LangRules,
    count: bool,
) -> (
    String,
    Vec<String>,
    Option<Gender>,
    Option<(NameWords, usize, bool)>,
) {
    // A name has a few words: on the stack (filled in place, not moved
    // there).
    let mut words: SmallVec<[&str; 8]> = SmallVec::new();
    push_words(raw, &mut words);
    let mut roles = Vec::new();
    let mut gender = None;
    let mut start = 0;
    let mut end = words.len();
    let mut whole = false;
    for (i, w) in words.iter().enumerate() {
        let bare = strip_possessive(w);
        if matches!(bare, "of" | "from" | "at" | "in") && i > start && i + 1 < words.len() {
            // `Jason Gilbert of Cheyenne`, `Gov. Ann Wirth of Delaware`: a
            // person's name ends before where they are from; `Bank of
            // America` is an organisation's name, whole.
            let before = &words[start..i];
            // One word is a name only after a title (`Mr. Morgan of …`),
            // not `Video of the incident`.
            let named = (before.len() >= 2 || start > 0)
                && before.iter().all(|w| {
                    let b = strip_possessive(w);
                    is_capitalized(b) && !rules.is_title(b)
                });
            // `Officials at Homeland Security` is a description, whole.
            let org = before.iter().any(|w| {
                let lw = lower(strip_possessive(w));
                rules.org_words.contains(lw.as_ref())
                    || rules.org_nouns.contains(lw.as_ref())
                    || rules.anonymous.iter().any(|a| a == lw.as_ref())
            });
            if named && !org {
                end = i;
                break;
            }
            if org && before.iter().all(|w| is_capitalized(strip_possessive(w))) {
                whole = true;
                break;
            }
        }
        // (Every gendered title starts with one of these capitals: most
        // words are turned away by their first byte, not compared.)
        if matches!(
            bare.as_bytes().first(),
            Some(b'M' | b'S' | b'L' | b'K' | b'P' | b'D' | b'Q')
        ) {
            match bare {
                "Mr." | "Mr" | "Sir" | "Lord" | "King" | "Prince" => gender = Some(Gender::Male),
                "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" => {
                    gender = Some(Gender::Female)
                }
                _ => {}
            }
        }
        // `Secretary of State John Kerry`, `Mayor of London Sadiq Khan`: a
        // title's complement is part of the title.
        if bare == "of"
            && i > 0
            && rules.is_title(strip_possessive(words[i - 1]))
            && words.get(i + 1).is_some_and(|n| is_capitalized(n))
        {
            start = i + 2;
            continue;
        }
        if i < start {
            continue;
        }
        // (Looked up only for a word the name may start after.)
        let title = rules.is_title(bare);
        if title || (!is_capitalized(bare) && i + 1 < words.len()) {
            if title {
                let lw = lower(bare);
                roles.push(normalise_role(lw.trim_end_matches('.')).to_string());
            }
            start = i + 1;
        }
    }
    let words = &words[..end];
    // The name's words are `words[from..]` less their possessives (read
    // from the words in place, not copied to a list of their own).
    let mut from = start.min(words.len());
    // Keep "the" for organisations: "the Kremlin", "The Moscow Times".
    // (`the` has no possessive to strip: it is kept as written.)
    if start == 1
        && matches!(words[0], "the" | "The")
        && from < words.len()
        && words[from..]
            .iter()
            .all(|w| is_capitalized(strip_possessive(w)))
    {
        from = 0;
    }
    let name_words = || words[from..].iter().map(|w| strip_possessive(w));
    if gender.is_none() && words.len() - from >= 2 {
        gender = rules
            .given_names
            .get(strip_possessive(words[from]))
            .copied();
    }
    // A description headed by a common noun (`the Kremlin’s press
    // service`, `an Iranian Foreign Ministry spokesperson`) or a
    // coordination (`The West and Ukraine`) is its own name, whole.
    let last_lower = words
        .last()
        .is_some_and(|w| !is_capitalized(strip_possessive(w)));
    // (On the bytes: a length and a byte or three compared, no string.)
    let coordinated = words
        .iter()
        .any(|w| matches!(w.as_bytes(), [b'a', b'n', b'd'] | [b'&']));
    let whole_raw = || raw.trim_end_matches([',', '’', '\'']).to_string();
    if last_lower || coordinated || whole {
        return (whole_raw(), roles, gender, None);
    }
    // `name_words().join(" ")`, in one allocation: the words are words of
    // `raw` in order, so the name is no longer than it.
    let mut name = String::with_capacity(raw.len());
    // And in the same pass `words_counted` of the name's words: the kept
    // words, less any a possessive left empty (none of them holds white
    // space: they were split on it).
    let mut counted = count.then(|| (NameWords::with_capacity(raw.len()), 0, false));
    for (k, w) in name_words().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(w);
        if let Some((words, n, last_kept)) = &mut counted
            && !w.is_empty()
        {
            *n += 1;
            *last_kept = words.push_word(w);
        }
    }
    if name.is_empty() {
        return (whole_raw(), roles, gender, None);
    }
    let counted = counted.map(|(mut words, n, last_kept)| {
        words.lower_ascii();
        (words, n, last_kept)
    });
    (name, roles, gender, counted)
}

/// Whether a speaker name is headed by a person noun (`… spokesperson`).
pub fn headed_by_person(name: &str, rules: &LangRules) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| !is_capitalized(w) && rules.is_title(strip_possessive(w)))
}

/// `gov` → `governor`: abbreviated titles name the same role as the words
/// a later description uses (`the governor`).
fn normalise_role(role: &str) -> &str {
    match role {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "sgt" => "sergeant",
        "capt" => "captain",
        "adm" => "admiral",
        "pres" => "president",
        "sec" | "secy" => "secretary",
        "prof" => "professor",
        "supt" => "superintendent",
        "atty" => "attorney",
        "insp" => "inspector",
        "det" => "detective",
        "gen." => "general",
        other => other,
    }
}

/// Capitalised names in a sentence's tokens: runs of two or more
/// capitalised words, or a title and a name.
pub fn sightings(
    text: &str,
    sentence: Span,
    toks: &[crate::tokens::Token],
    rules: &LangRules,
    out: &mut Vec<NameSighting>,
) {
    sightings_with(text, sentence, toks, rules, out, &mut SeenNames::default());
}

/// The names already cleaned in one text: the same words give the same
/// name, roles, words and gender, so a repeated name is copied from its
/// first sighting instead of cleaned again.
pub struct SeenNames<'t> {
    /// Words as written → index of their sighting in `out`, or `None` when
    /// they gave no sighting.
    first: rustc_hash::FxHashMap<&'t str, Option<usize>>,
}

impl Default for SeenNames<'_> {
    fn default() -> Self {
        // Room for the distinct names of an article, rather than growing
        // the table from one.
        SeenNames {
            first: rustc_hash::FxHashMap::with_capacity_and_hasher(32, Default::default()),
        }
    }
}

/// [`sightings`], for the sentences of one text in order, with `seen`
/// kept across them (and `out` only appended to).
pub fn sightings_with<'t>(
    text: &'t str,
    sentence: Span,
    toks: &[crate::tokens::Token],
    rules: &LangRules,
    out: &mut Vec<NameSighting>,
    seen: &mut SeenNames<'t>,
) {
    // A title-case headline capitalises every word: no names to be had.
    let mut long = 0;
    let mut all_capitalized = true;
    for t in toks.iter().filter(|t| t.word && t.span.len() > 3) {
        long += 1;
        all_capitalized &= t.is_capitalized(text);
        if !all_capitalized {
            break;
        }
    }
    if long >= 4 && all_capitalized {
        return;
    }
    let mut i = 0;
    let mut pronoun: Option<Gender> = None;
    loop {
        // On to the next capitalised word, noting the first `he` or `she`
        // on the way (the words of a run of capitals after its first are
        // passed over, not looked at). Once a pronoun is found, only the
        // capitals are looked for.
        if pronoun.is_none() {
            // (An iterator, not indexing: no bounds check a token. The
            // pronoun is told again of the word the scan stops at, the
            // one that can be `he` or `she`.)
            match toks[i.min(toks.len())..].iter().position(|t| {
                t.word && (t.is_capitalized(text) || he_or_she(t.bytes(text)).is_some())
            }) {
                Some(k) => {
                    i += k;
                    pronoun = he_or_she(toks[i].bytes(text));
                }
                None => i = i.max(toks.len()),
            }
        }
        match toks[i.min(toks.len())..]
            .iter()
            .position(|t| t.word && t.is_capitalized(text))
        {
            Some(k) => i += k,
            None => break,
        }
        let mut j = i;
        while j < toks.len()
            && toks[j].word
            && (toks[j].is_capitalized(text)
                || matches!(toks[j].text(text), "de" | "van" | "von" | "al"))
        {
            j += 1;
        }
        let mut s = i;
        // A sentence's first word is capitalised anyway.
        // (The title lookup last: it matters only for a function word.)
        if toks[s].span.start == sentence.start && j - s > 1 {
            let first = toks[s].text(text);
            if is_function_word(first)
                && first.chars().skip(1).all(char::is_lowercase)
                && !rules.is_title(first)
            {
                s += 1;
            }
        }
        // A lone capital gives a sighting only as the sentence's first
        // word (`Keller said …`, below): any other is passed over before
        // its verb and quotation marks are looked at.
        if j - s < 2 && s != 0 {
            i = j.max(i + 1);
            continue;
        }
        // The sentence's subject, shown to be a person by a relative `who`
        // or a verb of speech right after it.
        // `“…,” Mr. Kamin said.`, `“…,” said Mr. Kamin`: the speech tag's
        // name is its sentence's subject too.
        // (A word the tokenizer's cue flag turns away is no verb form: every
        // verb form starts a cue, and the flag keeps each capitalisation
        // of every cue start. The flag before the lowering and lookup.)
        let is_speech = |t: &Token| {
            t.word
                && t.may_start_cue()
                && rules
                    .verbs
                    .get(t.lower(text).as_ref())
                    .is_some_and(|v| v.class == crate::lang::VerbClass::Speech)
        };
        // (The quotation mark told by its bytes, `"`, `'` or the UTF-8 of
        // `”` or `’`: no character decoded.)
        let after_quote = |k: usize| {
            !toks[k].word
                && matches!(
                    toks[k].bytes(text),
                    [b'"' | b'\'', ..] | [0xE2, 0x80, 0x9D | 0x99, ..]
                )
                && text[..toks[k].span.start as usize]
                    .trim_end_matches(['’', '\''])
                    .ends_with([',', '!', '?'])
        };
        let tag = s > 0
            && (after_quote(s - 1) && toks.get(j).is_some_and(&is_speech)
                || s > 1 && after_quote(s - 2) && is_speech(&toks[s - 1]));
        let next = |k: usize| toks.get(j + k).map(|t| t.text(text));
        // `Ben Ode backed`, `Ben Ode later backed`: a past tense
        // after the name (and an adverb) is its verb too.
        let past =
            |w: &str| w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase());
        // Token `j + k` a past tense or a verb of speech (its lower case
        // from the tokenizer: the same as `lower` of its text).
        let verb = |k: usize| {
            toks.get(j + k).is_some_and(|t| {
                past(t.text(text))
                    || (t.may_start_cue() || !t.word)
                        && rules
                            .verbs
                            .get(t.lower(text).as_ref())
                            .is_some_and(|v| v.class == crate::lang::VerbClass::Speech)
            })
        };
        // (The byte tests before the lookup; none of it when a
        // `who` or a tag says so already; worked out once, when first
        // asked.)
        let mut spoke = None;
        let mut speaks = || {
            *spoke.get_or_insert_with(|| {
                verb(0)
                    || next(0).is_some_and(|w| {
                        matches!(w, "later" | "also" | "then") || w.len() > 4 && w.ends_with("ly")
                    }) && verb(1)
            })
        };
        let subject_of = (s == 0 || s == 1 && !toks[0].word || tag)
            .then(|| {
                let who =
                    next(0) == Some(",") && next(1).is_some_and(|w| w == "who" || w == "whose");
                (who || tag || speaks()).then_some(sentence.end)
            })
            .flatten();
        // (`When he arrived, Trump said`: a name with a verb of its own is
        // the pronoun's antecedent, not a mere mention.)
        let after_pronoun = pronoun.filter(|_| subject_of.is_none() && !speaks());
        // `Keller said …` after `Fire Chief Rob Keller`: a surname alone as
        // the subject is a sighting of the person named in full before.
        if j - s == 1
            && s == 0
            && subject_of.is_some()
            && let Some(full) = {
                // (Lowered once, not for each name it is compared with.)
                let surname = toks[s].lower(text);
                out.iter().rev().find(|f| {
                    f.name_len >= 2 && f.words.last() == Some(surname.as_ref()) && !f.is_org(rules)
                })
            }
        {
            // Its own words (a mention of it is a short name), with what
            // the full name tells of the person.
            let again = NameSighting {
                span: toks[s].span,
                // (One token: one word.)
                cleaned: SightedName::new(
                    toks[s].text(text).to_string(),
                    full.roles.clone(),
                    full.gender,
                ),
                subject_of,
                sentence_end: sentence.end,
                after_pronoun,
                in_quote: false,
            };
            out.push(again);
        }
        if j - s >= 2 {
            let span = Span {
                start: toks[s].span.start,
                end: toks[j - 1].span.end,
            };
            let raw = span.slice(text);
            // (One hash of the words: the slot found is the one filled.)
            let slot = match seen.first.entry(raw) {
                Entry::Occupied(e) => match *e.get() {
                    Some(k) if out.get(k).is_some_and(|f| f.span.slice(text) == raw) => {
                        let again = NameSighting {
                            span,
                            cleaned: out[k].cleaned.clone(),
                            subject_of,
                            sentence_end: sentence.end,
                            after_pronoun,
                            in_quote: false,
                        };
                        out.push(again);
                        None
                    }
                    None => None,
                    Some(_) => Some(e.into_mut()),
                },
                Entry::Vacant(e) => Some(e.insert(None)),
            };
            if let Some(slot) = slot {
                let (name, roles, gender, counted) = clean_name_counted(raw, rules);
                let name_len = counted.1;
                if !name.is_empty() && name_len <= 5 {
                    out.push(NameSighting {
                        span,
                        subject_of,
                        sentence_end: sentence.end,
                        after_pronoun,
                        in_quote: false,
                        cleaned: SightedName::with_words(name, counted, roles, gender),
                    });
                    *slot = Some(out.len() - 1);
                } else {
                    *slot = None;
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The gender of a word that is `he` or `she` (its first letter in either
/// case), told by its bytes: this runs on every word of a sentence up to
/// the first such word.
#[inline(always)]
fn he_or_she(word: &[u8]) -> Option<Gender> {
    match word {
        [b'h' | b'H', b'e'] => Some(Gender::Male),
        [b's' | b'S', b'h', b'e'] => Some(Gender::Female),
        _ => None,
    }
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "As"
            | "For"
            | "If"
            | "When"
            | "After"
            | "While"
            | "Last"
            | "This"
            | "That"
            | "Both"
            | "Then"
            | "So"
            | "Yet"
            | "Since"
            | "By"
            | "With"
            | "From"
            | "During"
            | "Although"
            | "Though"
            | "Because"
            | "Before"
            | "Once"
            | "Until"
            | "Unlike"
            | "Like"
            | "Despite"
            | "Neither"
            | "Either"
            | "Even"
            | "Only"
            | "Can"
            | "Could"
            | "Would"
            | "Should"
            | "Did"
            | "Does"
            | "Do"
            | "Is"
            | "Was"
            | "Are"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
            | "Why"
            | "How"
            | "What"
            | "Where"
            | "Meanwhile"
            | "Still"
            | "Now"
            | "Not"
            | "Every"
            | "Each"
            | "These"
            | "Those"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleaning a named mention's words once per table changes nothing:
    /// a table that forgets them before every mention resolves the same.
    #[test]
    fn cleaned_mentions_resolve_as_cleaned_afresh() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "Gov. Dana Whitfield said so. The Kremlin said so. Whitfield said so. \
                    Board member Glen Ruiz said so. The Kremlin said so. Gov. Dana Whitfield \
                    said so. Mr. Ruiz said so. Whitfield said so.";
        let names = [
            "Gov. Dana Whitfield",
            "The Kremlin",
            "Whitfield",
            "Board member Glen Ruiz",
            "Mr. Ruiz",
        ];
        let mut mentions = Vec::new();
        for n in names {
            for (at, _) in text.match_indices(n) {
                mentions.push(Mention {
                    span: Span::new(at, at + n.len()),
                    kind: MentionKind::Name,
                });
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        let sentences = [Span::new(0, text.len())];
        let toks = crate::tokens::tokenize(text, sentences[0], &rules);
        let mut sightings = Vec::new();
        sightings_with(
            text,
            sentences[0],
            &toks,
            &rules,
            &mut sightings,
            &mut SeenNames::default(),
        );
        let (mut kept, mut afresh) = (SpeakerTable::default(), SpeakerTable::default());
        for m in &mentions {
            afresh.cleaned.clear();
            assert_eq!(
                kept.resolve(text, m, &sightings, &rules),
                afresh.resolve(text, m, &sightings, &rules),
                "{:?}",
                m.span.slice(text)
            );
        }
        assert!(kept.cleaned.len() < mentions.len());
        for (s, &n) in kept.speakers.iter().zip(&kept.name_lens) {
            assert_eq!(word_count(&s.name), n, "{}", s.name);
        }
        assert_eq!(kept.speakers, afresh.speakers);
        assert!(
            kept.speakers
                .iter()
                .any(|s| s.kind == SpeakerKind::Organisation)
        );
    }

    #[test]
    fn word_count_agrees_with_push_words() {
        for s in [
            "",
            " ",
            "Vladimir Putin",
            "  Mr.  Ruiz \t",
            "a\x0Bb\x0Cc\rd\ne",
            "x\x1Fy",
            "Ünal  Öztürk",
            "a\u{a0}b c",
        ] {
            let mut words = SmallVec::new();
            push_words(s, &mut words);
            assert_eq!(word_count(s), words.len(), "{s:?}");
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    /// The table's key prefilter must not hide a speaker that only the
    /// full scan finds: a near spelling under another last word.
    #[test]
    fn add_named_key_prefilter_keeps_near_spellings() {
        let mut table = SpeakerTable::default();
        let add = |t: &mut SpeakerTable, name: &str, at: usize| {
            let words = name_words(name);
            let key = EntityKey::of(&words);
            t.add_named(
                name,
                Cow::Owned(words),
                key,
                SpeakerKind::Person,
                Span::new(at, at + 1),
                &[],
                None,
            )
        };
        let (a, _) = add(&mut table, "Masoud Pezeshkian", 0);
        let (b, _) = add(&mut table, "Dmitry Peskov", 10);
        assert_ne!(a, b);
        assert_eq!(
            add(&mut table, "Pezeshkyan", 20),
            (a, Resolution::ShortName)
        );
        assert_eq!(add(&mut table, "Peskow", 30), (b, Resolution::ShortName));
        assert_eq!(table.keys.len(), table.speakers.len());
        for (s, &n) in table.speakers.iter().zip(&table.name_lens) {
            assert_eq!(word_count(&s.name), n, "{}", s.name);
        }
    }

    /// The key's test may let a pair through, never turn one away that
    /// `same_entity_words` accepts.
    #[test]
    fn entity_key_never_rejects_the_same_entity() {
        let names = [
            "Vladimir Putin",
            "Putin",
            "President Putin",
            "Putin’s",
            "Vladimir",
            "Dmitry Peskov",
            "Peskov",
            "Peskow",
            "Hillary Clinton",
            "Hilary Clinton",
            "Clinton",
            "Clintons",
            "Bill Clinton",
            "Mrs. Clinton",
            "the Kremlin",
            "Kremlin",
            "The Moscow Times",
            "Moscow",
            "Donald J. Trump",
            "Donald Trump",
            "Trump",
            "Trumps",
            "Ted Cruz",
            "Cruz",
            "Schumer",
            "Schumers",
            "Chuck Schumer",
            "Charles Schumer",
            "Ünal",
            "Ünal Çelik",
            "Çelik",
            "",
            "a",
            "al-Assad",
            "Bashar al-Assad",
            "Assad",
        ];
        let words: Vec<NameWords> = names.iter().map(|n| name_words(n)).collect();
        let mut accepted = 0;
        for a in &words {
            for b in &words {
                // The keyed test answers as the unkeyed one.
                assert_eq!(
                    same_entity_keyed(a, &EntityKey::of(a), b, &EntityKey::of(b)),
                    same_entity_words(a, b),
                    "{a:?} {b:?}"
                );
                if same_entity_words(a, b) {
                    accepted += 1;
                    assert!(EntityKey::of(a).may_match(&EntityKey::of(b)), "{a:?} {b:?}");
                }
            }
        }
        assert!(accepted > names.len());
        // And it does turn away unrelated names.
        let (a, b) = (name_words("Dmitry Peskov"), name_words("Hillary Clinton"));
        assert!(!EntityKey::of(&a).may_match(&EntityKey::of(&b)));
    }

    /// [`NameWords::lower_ascii`] leaves the words lowered as a whole as
    /// they are: no character's lower case holds an ASCII capital.
    #[test]
    fn lower_case_holds_no_ascii_capital() {
        for c in '\0'..=char::MAX {
            assert!(!c.to_lowercase().any(|l| l.is_ascii_uppercase()), "{c:?}");
        }
        let mut words = NameWords::with_capacity(0);
        for w in ["Ünal", "ÇELİK’s", "THE", "Kremlin", "ΟΔΥΣΣΕΥΣ"] {
            words.push_word(w);
        }
        words.lower_ascii();
        assert_eq!(words, name_words("Ünal ÇELİK’s THE Kremlin ΟΔΥΣΣΕΥΣ"));
        let lowered: Vec<String> = ["Ünal", "ÇELİK", "Kremlin", "ΟΔΥΣΣΕΥΣ"]
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        assert!(words.iter().eq(lowered.iter().map(String::as_str)));
    }

    #[test]
    fn same_bytes_is_equality() {
        for n in 0..20usize {
            let a: Vec<u8> = (b'a'..).take(n).collect();
            assert!(same_bytes(&a, &a.clone()), "{n}");
            if n > 0 {
                assert!(!same_bytes(&a, &a[..n - 1]), "{n}");
            }
            for k in 0..n {
                let mut b = a.clone();
                b[k] ^= 0x20;
                assert!(!same_bytes(&a, &b), "{n} {k}");
            }
        }
    }

    #[test]
    fn same_entity_by_words_and_spelling() {
        assert!(same_entity("Vladimir Putin", "Putin"));
        assert!(same_entity("Masoud Pezeshkian", "Pezeshkyan"));
        assert!(!same_entity("Vladimir Putin", "Donald Trump"));
        assert!(!same_entity("Hillary Clinton", "Bill Clinton"));
        assert!(same_entity("Hillary Clinton", "Clinton"));
    }

    #[test]
    fn spelling_bound_rejects_only_distant_pairs() {
        let rules = LangRules::builtin("en").unwrap();
        let mut words: Vec<String> = rules.given_names.keys().map(|n| n.to_lowercase()).collect();
        words.sort();
        words.truncate(400);
        words.extend(
            [
                "pezeshkian",
                "pezeshkyan",
                "clinton",
                "klinton",
                "clintons",
                "abcde",
                "edcba",
                "aaaaa",
                "aaaab",
            ]
            .map(String::from),
        );
        let mut near = 0;
        for a in &words {
            for b in &words {
                let want = strsim::jaro_winkler(a, b) >= 0.93;
                assert_eq!(near_spelling(a, b), want, "{a} {b}");
                near += usize::from(want);
            }
        }
        assert!(near > words.len(), "the test pairs include near spellings");
    }

    #[test]
    fn repeated_names_are_copied_as_cleaned() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "Russian President Vladimir Putin met Ms. Moore. The Kremlin said Vladimir \
                    Putin and Ms. Moore spoke. Russian President Vladimir Putin left; The \
                    Kremlin Press Service Said So. Ms. Moore stayed with Russian President \
                    Vladimir Putin.";
        let paragraphs = crate::document::paragraphs(text);
        let sents = crate::sentences::split(text, &paragraphs, &rules);
        let (mut fresh, mut shared) = (Vec::new(), Vec::new());
        let mut seen = SeenNames::default();
        for &s in &sents {
            let toks = crate::tokens::tokenize(text, s, &rules);
            sightings(text, s, &toks, &rules, &mut fresh);
            sightings_with(text, s, &toks, &rules, &mut shared, &mut seen);
        }
        let fields = |v: &[NameSighting]| {
            v.iter()
                .map(|x| {
                    (
                        x.span,
                        x.name.clone(),
                        x.roles.clone(),
                        x.words.clone(),
                        x.gender,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(&shared), fields(&fresh));
        assert!(seen.first.len() < shared.len(), "some names repeat");
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        for s in [
            "",
            " ",
            "Vladimir Putin",
            "  the   Kremlin’s  press\tservice\n",
            "a\u{0B}b\u{0C}c\rd\u{1C}e\u{1F}f",
            "x\u{a0}y\u{2003}z é",
            "trailing ",
            " leading",
        ] {
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(last_word(s), s.split_whitespace().next_back(), "{s:?}");
            let mut pushed = SmallVec::new();
            push_words(s, &mut pushed);
            assert_eq!(pushed.as_slice(), want.as_slice(), "{s:?}");
        }
        // Every white space character, and the characters that share its
        // first byte, between and around words.
        for c in ('\0'..=char::MAX).filter(|c| {
            c.is_whitespace()
                || matches!(
                    c.encode_utf8(&mut [0; 4]).as_bytes()[0],
                    0xC2 | 0xE1 | 0xE2 | 0xE3
                )
        }) {
            let s = format!("{c}a{c}{c}b’s {c}c\u{a0}d{c}");
            let want: Vec<&str> = s.split_whitespace().collect();
            let mut pushed = SmallVec::new();
            push_words(&s, &mut pushed);
            assert_eq!(pushed.as_slice(), want.as_slice(), "{c:?}");
        }
        for b in 0u8..128 {
            let s = format!("a{}b {}", b as char, b as char);
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(last_word(&s), want.last().copied(), "{b:#x}");
            let mut pushed = SmallVec::new();
            push_words(&s, &mut pushed);
            assert_eq!(pushed.as_slice(), want.as_slice(), "{b:#x}");
        }
    }

    #[test]
    fn organisations_come_from_the_rule_lists() {
        let rules = LangRules::builtin("en").unwrap();
        for org in [
            "the Kremlin",
            "Interior Ministry",
            "Reuters",
            "France",
            "Tehran’s",
        ] {
            assert!(is_org(org, &rules), "{org}");
        }
        // A given name that is also a place stays a person.
        for person in ["Jordan Peterson", "Georgia Lee", "Vladimir Putin"] {
            assert!(!is_org(person, &rules), "{person}");
        }
        assert!(rules.org_nouns.contains("campaign"));
    }

    #[test]
    fn clean_name_strips_titles() {
        let rules = LangRules::builtin("en").unwrap();
        let (name, roles, _) = clean_name("Russian President Vladimir Putin", &rules);
        assert_eq!(name, "Vladimir Putin");
        assert_eq!(roles, vec!["president"]);
        let (name, _, g) = clean_name("Ms. Moore", &rules);
        assert_eq!((name.as_str(), g), ("Moore", Some(Gender::Female)));
    }

    #[test]
    fn clean_name_ends_a_person_before_where_they_are_from() {
        let rules = LangRules::builtin("en").unwrap();
        let name = |raw: &str| clean_name(raw, &rules).0;
        assert_eq!(name("Jason Gilbert of Cheyenne"), "Jason Gilbert");
        assert_eq!(name("Gov. Ann Wirth of Delaware"), "Ann Wirth");
        assert_eq!(name("Mr. Morgan of the Sierra Club"), "Morgan");
        // A title's complement is part of the title.
        assert_eq!(name("Secretary of State John Kerry"), "John Kerry");
        assert_eq!(name("the mayor of Dover"), "the mayor of Dover");
        // An organisation's name, or a description, stays whole.
        assert_eq!(name("Bank of America"), "Bank of America");
        assert_eq!(
            name("the Department of Veterans Affairs"),
            "the Department of Veterans Affairs"
        );
        assert_eq!(
            name("Officials at Homeland Security Investigations"),
            "Officials at Homeland Security Investigations"
        );
        assert_eq!(name("Video of the incident"), "Video of the incident");
    }

    #[test]
    fn a_sentence_opening_function_word_is_no_part_of_a_name() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "Although Bobby Scott asked twice, nobody answered.";
        let toks = crate::tokens::tokenize(text, Span::new(0, text.len()), &rules);
        let mut out = Vec::new();
        sightings(text, Span::new(0, text.len()), &toks, &rules, &mut out);
        let names: Vec<&str> = out.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["Bobby Scott"]);
    }
}
