//! Rule data: the language files under `rules/`, embedded at compile time
//! and optionally overlaid by a user's rules directory or config.
//!
//! Plain lists are `.txt` (one entry a line, `#` comments); a line `!entry`
//! in an overlay removes a built-in entry. Structured files are TOML parsed
//! with `deny_unknown_fields`; errors name file:line:column.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// Every shipped rules file, relative to `rules/`, with its contents.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "lang/de/quotes.toml",
        include_str!("../rules/lang/de/quotes.toml"),
    ),
    (
        "lang/en/abbreviations.txt",
        include_str!("../rules/lang/en/abbreviations.txt"),
    ),
    (
        "lang/en/anonymous-sources.txt",
        include_str!("../rules/lang/en/anonymous-sources.txt"),
    ),
    (
        "lang/en/cues.toml",
        include_str!("../rules/lang/en/cues.toml"),
    ),
    (
        "lang/en/document-sources.txt",
        include_str!("../rules/lang/en/document-sources.txt"),
    ),
    (
        "lang/en/given-names-female.txt",
        include_str!("../rules/lang/en/given-names-female.txt"),
    ),
    (
        "lang/en/given-names-male.txt",
        include_str!("../rules/lang/en/given-names-male.txt"),
    ),
    (
        "lang/en/pronouns.toml",
        include_str!("../rules/lang/en/pronouns.toml"),
    ),
    (
        "lang/en/organisation-nouns.txt",
        include_str!("../rules/lang/en/organisation-nouns.txt"),
    ),
    (
        "lang/en/organisation-words.txt",
        include_str!("../rules/lang/en/organisation-words.txt"),
    ),
    (
        "lang/en/quotes.toml",
        include_str!("../rules/lang/en/quotes.toml"),
    ),
    (
        "lang/en/scare-quote-cues.txt",
        include_str!("../rules/lang/en/scare-quote-cues.txt"),
    ),
    (
        "lang/en/speech-nouns.txt",
        include_str!("../rules/lang/en/speech-nouns.txt"),
    ),
    (
        "lang/en/titles.txt",
        include_str!("../rules/lang/en/titles.txt"),
    ),
    (
        "lang/en/verbs.toml",
        include_str!("../rules/lang/en/verbs.toml"),
    ),
    (
        "lang/fr/quotes.toml",
        include_str!("../rules/lang/fr/quotes.toml"),
    ),
    (
        "lang/ja/quotes.toml",
        include_str!("../rules/lang/ja/quotes.toml"),
    ),
    (
        "lints/anonymous-source.toml",
        include_str!("../rules/lints/anonymous-source.toml"),
    ),
    (
        "lints/loaded-reporting-verb.toml",
        include_str!("../rules/lints/loaded-reporting-verb.toml"),
    ),
];

include!(concat!(env!("OUT_DIR"), "/rules_json.rs"));

/// The examples a data lint carries in `rules/lints/RULE.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintExamples {
    pub rule: String,
    #[serde(default)]
    pub example: Vec<LintExample>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintExample {
    /// Copy the rule must flag.
    pub bad: Option<String>,
    /// Copy the rule must not flag.
    pub ok: Option<String>,
    /// `bad` repaired: must not be flagged.
    pub fixed: Option<String>,
}

/// Every shipped lint example file, parsed.
pub fn lint_examples() -> Result<Vec<LintExamples>> {
    EMBEDDED
        .iter()
        .filter(|(p, _)| p.starts_with("lints/"))
        .map(|(p, t)| parse_toml::<LintExamples>(&format!("rules/{p}"), t))
        .collect()
}

/// The languages with shipped rules.
pub fn languages() -> Vec<&'static str> {
    let mut langs: Vec<&str> = EMBEDDED
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("lang/")?.split('/').next())
        .collect();
    langs.dedup();
    langs
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Neutral,
    Assertive,
    Doubtful,
    Concessive,
    Tentative,
    Emotive,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Assertive => "assertive",
            Stance::Doubtful => "doubtful",
            Stance::Concessive => "concessive",
            Stance::Tentative => "tentative",
            Stance::Emotive => "emotive",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerbClass {
    Speech,
    Writing,
    Cognition,
    Evidence,
    Accusation,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    lemma: String,
    forms: Vec<String>,
    stance: Stance,
    class: VerbClass,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbFile {
    #[serde(default)]
    verb: Vec<VerbEntry>,
}

/// What a word form of a reporting verb means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbInfo {
    /// Shared by the lemma's forms and by every cue found for them: a cue
    /// takes a reference, not a copy.
    pub lemma: Arc<str>,
    pub stance: Stance,
    pub class: VerbClass,
}

/// What a word that can start a cue starts, found with one lookup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CueStart {
    /// Indices into `phrase_cues` of the phrases the word starts, longest
    /// phrase first (empty for a word that is only a verb form or a
    /// speech noun).
    pub phrases: Vec<usize>,
    /// `verbs[word]`, a copy kept here: the cue loop asks for the verb of
    /// most words it finds in `phrase_index`, and then needs no second
    /// lookup.
    pub verb: Option<VerbInfo>,
    /// The word is in `speech_nouns` (`her remark that`): the cue loop
    /// tries a speech noun only for a word with this set.
    pub speech_noun: bool,
}

impl CueStart {
    /// Whether the word starts a phrase or is a verb form (and so not only
    /// a speech noun).
    pub fn starts_phrase_or_verb(&self) -> bool {
        !self.phrases.is_empty() || self.verb.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhraseKind {
    /// The source follows: "according to X".
    SourceAfter,
    /// A multi-word verb: "pointed out".
    Verb,
    /// "read" after a document: "the statement read".
    DocumentRead,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseCue {
    /// The phrase, lower-cased when the rules load; a cue's lemma is a
    /// reference to it.
    pub phrase: Arc<str>,
    pub kind: PhraseKind,
    pub stance: Stance,
    /// The phrase's words, split once when the rules load.
    #[serde(skip)]
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    #[serde(default)]
    cue: Vec<PhraseCue>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    Male,
    Female,
    Neuter,
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Number {
    Singular,
    Plural,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PronounInfo {
    pub gender: Gender,
    pub number: Number,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PronounEntry {
    word: String,
    gender: Gender,
    number: Number,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PronounFile {
    #[serde(default)]
    pronoun: Vec<PronounEntry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Continuation {
    /// English: the paragraph ends open, the next paragraph reopens.
    Reopen,
    /// French: the next paragraph starts with the closing mark repeated.
    ReopenWithClose,
    /// No multi-paragraph convention: a paragraph ending open is an error.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Primary,
    Secondary,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct QuotePair {
    pub open: String,
    pub close: String,
    pub level: Level,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteConvention {
    pub continuation: Continuation,
    #[serde(default)]
    pub pair: Vec<QuotePair>,
}

/// The compiled rule data of one language.
#[derive(Debug, Clone)]
pub struct LangRules {
    pub lang: String,
    /// Abbreviations as written, with their periods ("Mr.", "U.S.").
    pub abbreviations: HashSet<String>,
    /// A [`WordFilter`] of `abbreviations` and how many there were, for
    /// [`LangRules::is_abbreviation`].
    abbreviation_filter: (WordFilter, usize),
    /// Lowercase word form → verb.
    pub verbs: WordMap<VerbInfo>,
    pub phrase_cues: Vec<PhraseCue>,
    /// Every word that can start a cue → the phrases it starts, its verb
    /// and whether it is a speech noun ([`CueStart`]). A word not in here
    /// starts no cue: one lookup decides it.
    pub phrase_index: WordMap<CueStart>,
    /// A filter over the keys of `phrase_index`, built with it: a word it
    /// rejects starts no cue, decided without lower-casing or hashing.
    pub cue_starts: WordFilter,
    /// Titles as written ("Sen.", "Prime Minister").
    pub titles: HashSet<String>,
    /// A [`WordFilter`] of `titles` and how many there were, for
    /// [`LangRules::is_title`].
    title_filter: (WordFilter, usize),
    /// Lowercase words that make a name an organisation ("kremlin",
    /// "ministry", "reuters", countries and capitals).
    pub org_words: HashSet<String>,
    /// Lowercase head nouns of an organisation ("company", "campaign").
    pub org_nouns: HashSet<String>,
    pub pronouns: WordMap<PronounInfo>,
    /// Lowercase anonymous-source phrases.
    pub anonymous: Vec<String>,
    /// The phrases as one word-bounded alternation ([`LangRules::anonymous_re`]),
    /// compiled on first use.
    anonymous_re: std::sync::OnceLock<regex::Regex>,
    /// The pattern of `anonymous_re`.
    anonymous_pattern: String,
    /// `anonymous_re` for ASCII text, without the regex engine.
    pub anonymous_words: AnonymousMatcher,
    /// Lowercase document nouns.
    pub documents: HashSet<String>,
    /// Lowercase nouns for what someone said (`her remark that`).
    pub speech_nouns: HashSet<String>,
    /// Lowercase scare-quote / title cues.
    pub scare_cues: Vec<String>,
    /// `scare_cues` by last byte, for [`LangRules::scare_cues_ending`].
    scare_index: ScareIndex,
    pub quotes: QuoteConvention,
    /// Given names and the gender they tell.
    pub given_names: HashMap<String, Gender>,
}

/// The indices of scare cues by last byte (256: none), each cue also
/// under every byte when it is empty, in list order.
#[derive(Debug, Clone)]
struct ScareIndex {
    by_last: Vec<Vec<usize>>,
    built_for: usize,
}

impl ScareIndex {
    fn new(cues: &[String]) -> Self {
        let mut by_last = vec![Vec::new(); 257];
        for (i, c) in cues.iter().enumerate() {
            match c.as_bytes().last() {
                Some(&b) => by_last[usize::from(b)].push(i),
                None => by_last.iter_mut().for_each(|ids| ids.push(i)),
            }
        }
        ScareIndex {
            by_last,
            built_for: cues.len(),
        }
    }
}

/// Extra entries a config file adds on top of the rule files.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub reporting_verbs: Vec<String>,
    pub abbreviations: Vec<String>,
    pub anonymous_sources: Vec<String>,
}

/// An overlay file: its path (for messages) and its text.
type Overlay = (String, String);

/// A source of rule files: the embedded ones, overlaid by a directory.
struct Sources<'a> {
    overlay: Option<&'a Path>,
}

impl Sources<'_> {
    /// The embedded text of `rel` and, when an overlay has the file, its
    /// path and text.
    fn get(&self, rel: &str) -> Result<(Option<&'static str>, Option<Overlay>)> {
        let base = EMBEDDED.iter().find(|(p, _)| *p == rel).map(|(_, t)| *t);
        let over = match self.overlay {
            Some(dir) => {
                let path = dir.join(rel);
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        let text = String::from_utf8(bytes).map_err(|e| {
                            Error::new(
                                ErrorKind::Rules,
                                format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                            )
                            .with_path(&path)
                        })?;
                        Some((path.display().to_string(), text))
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                    Err(e) => return Err(Error::io(&path, &e)),
                }
            }
            None => None,
        };
        Ok((base, over))
    }

    fn list(&self, rel: &str) -> Result<Vec<String>> {
        let (base, over) = self.get(rel)?;
        let mut items: Vec<String> = base.map(parse_list).unwrap_or_default();
        if let Some((_, text)) = over {
            for entry in parse_list(&text) {
                if let Some(removed) = entry.strip_prefix('!') {
                    items.retain(|e| e != removed);
                } else if !items.contains(&entry) {
                    items.push(entry);
                }
            }
        }
        Ok(items)
    }

    fn toml<T: for<'de> Deserialize<'de>>(&self, rel: &str) -> Result<Vec<T>> {
        let (base, over) = self.get(rel)?;
        let mut out = Vec::new();
        if let Some(text) = base {
            // The embedded file as `build.rs` wrote it in JSON: the same
            // data, parsed several times faster than its TOML.
            let json = EMBEDDED_JSON.iter().find(|(p, _)| *p == rel);
            out.push(match json {
                Some((_, json)) => serde_json::from_str::<T>(json).map_err(|e| {
                    Error::new(ErrorKind::Rules, e.to_string()).with_path(format!("rules/{rel}"))
                })?,
                None => parse_toml::<T>(&format!("rules/{rel}"), text)?,
            });
        }
        if let Some((path, text)) = over {
            out.push(parse_toml::<T>(&path, &text)?);
        }
        Ok(out)
    }
}

/// Entries of a plain list file: one a line, `#` comments, trimmed.
pub fn parse_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Parses TOML, turning an error into one that names file:line:column.
pub fn parse_toml<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let mut err = Error::new(ErrorKind::Rules, e.message().to_string()).with_path(path);
        if let Some(span) = e.span() {
            let (l, c) = crate::error::line_col(text, span.start);
            err = err.at(l, c);
        }
        err
    })
}

impl LangRules {
    /// The built-in rules of `lang`.
    pub fn builtin(lang: &str) -> Result<Self> {
        Self::load(lang, None, &Extras::default())
    }

    /// The rules of `lang`, with `overlay` (a directory shaped like
    /// `rules/`) and config extras layered on the built-in files.
    pub fn load(lang: &str, overlay: Option<&Path>, extras: &Extras) -> Result<Self> {
        let src = Sources { overlay };
        let en = |file: &str| format!("lang/en/{file}");
        let own = |file: &str| format!("lang/{lang}/{file}");
        // English data serves every language for the cue layer; a language
        // folder contributes its own quotation-mark conventions.
        let quotes_rel = own("quotes.toml");
        let (qb, qo) = src.get(&quotes_rel)?;
        if qb.is_none() && qo.is_none() {
            return Err(Error::new(
                ErrorKind::Usage,
                format!(
                    "unknown language `{lang}` (known: {})",
                    languages().join(", ")
                ),
            ));
        }
        let quotes = src
            .toml::<QuoteConvention>(&quotes_rel)?
            .into_iter()
            .reduce(|mut a, b| {
                a.continuation = b.continuation;
                for p in b.pair {
                    if !a.pair.contains(&p) {
                        a.pair.push(p);
                    }
                }
                a
            })
            .expect("checked above");

        let mut abbreviations: HashSet<String> =
            src.list(&en("abbreviations.txt"))?.into_iter().collect();
        abbreviations.extend(extras.abbreviations.iter().cloned());

        let mut verbs = HashMap::default();
        for file in src.toml::<VerbFile>(&en("verbs.toml"))? {
            for v in file.verb {
                let lemma: Arc<str> = v.lemma.into();
                for f in &v.forms {
                    verbs.insert(
                        f.to_lowercase(),
                        VerbInfo {
                            lemma: Arc::clone(&lemma),
                            stance: v.stance,
                            class: v.class,
                        },
                    );
                }
            }
        }
        for extra in &extras.reporting_verbs {
            verbs.entry(extra.to_lowercase()).or_insert(VerbInfo {
                lemma: extra.to_lowercase().into(),
                stance: Stance::Neutral,
                class: VerbClass::Speech,
            });
        }

        let mut phrase_cues = Vec::new();
        for file in src.toml::<CueFile>(&en("cues.toml"))? {
            phrase_cues.extend(file.cue);
        }
        for c in &mut phrase_cues {
            c.phrase = c.phrase.to_lowercase().into();
            c.words = c.phrase.split_whitespace().map(str::to_owned).collect();
        }

        let mut pronouns = HashMap::default();
        for file in src.toml::<PronounFile>(&en("pronouns.toml"))? {
            for p in file.pronoun {
                pronouns.insert(
                    p.word.to_lowercase(),
                    PronounInfo {
                        gender: p.gender,
                        number: p.number,
                    },
                );
            }
        }

        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        let mut anonymous = lower(src.list(&en("anonymous-sources.txt"))?);
        anonymous.extend(extras.anonymous_sources.iter().map(|s| s.to_lowercase()));
        // Longest first, so the most specific phrase wins.
        anonymous.sort_by_key(|s| std::cmp::Reverse(s.len()));

        let mut scare_cues = lower(src.list(&en("scare-quote-cues.txt"))?);
        scare_cues.sort_by_key(|s| std::cmp::Reverse(s.len()));

        let mut given_names = HashMap::default();
        for n in src.list(&en("given-names-female.txt"))? {
            given_names.insert(n, Gender::Female);
        }
        for n in src.list(&en("given-names-male.txt"))? {
            given_names.insert(n, Gender::Male);
        }

        let mut phrase_index: HashMap<String, CueStart> = HashMap::default();
        for (i, c) in phrase_cues.iter().enumerate() {
            if let Some(first) = c.phrase.split_whitespace().next() {
                phrase_index
                    .entry(first.to_string())
                    .or_default()
                    .phrases
                    .push(i);
            }
        }
        for (form, info) in &verbs {
            phrase_index.entry(form.clone()).or_default().verb = Some(info.clone());
        }
        for start in phrase_index.values_mut() {
            start.phrases.sort_by_key(|&i| {
                std::cmp::Reverse(phrase_cues[i].phrase.split_whitespace().count())
            });
        }

        let speech_nouns: HashSet<String> = lower(src.list(&en("speech-nouns.txt"))?)
            .into_iter()
            .collect();
        // (Speech nouns start cues too: `her remark that`.)
        for noun in &speech_nouns {
            phrase_index.entry(noun.clone()).or_default().speech_noun = true;
        }
        let cue_starts = WordFilter::new(phrase_index.keys().map(String::as_str));
        let titles: HashSet<String> = src.list(&en("titles.txt"))?.into_iter().collect();

        let alternation: Vec<String> = anonymous.iter().map(|p| regex::escape(p)).collect();
        let anonymous_pattern = format!(r"\b(?:{})\b", alternation.join("|"));
        let anonymous_re = std::sync::OnceLock::new();
        // An alternation of escaped phrases fails to compile only by
        // outgrowing the regex size limit: a long one is compiled now, so
        // that failure is still an error of loading; a short one (which
        // compiles) when first needed.
        if anonymous_pattern.len() > ANONYMOUS_EAGER_PATTERN {
            let re = regex::Regex::new(&anonymous_pattern).map_err(|e| {
                Error::new(ErrorKind::Rules, format!("anonymous-source phrases: {e}"))
            })?;
            let _ = anonymous_re.set(re);
        }

        let anonymous_words = AnonymousMatcher::new(&anonymous);
        Ok(LangRules {
            anonymous_re,
            anonymous_pattern,
            anonymous_words,
            phrase_index: phrase_index.into(),
            cue_starts,
            given_names,
            lang: lang.to_owned(),
            abbreviation_filter: (
                WordFilter::new(abbreviations.iter().map(String::as_str)),
                abbreviations.len(),
            ),
            abbreviations,
            verbs: verbs.into(),
            phrase_cues,
            title_filter: (
                WordFilter::new(titles.iter().map(String::as_str)),
                titles.len(),
            ),
            titles,
            org_words: src
                .list(&en("organisation-words.txt"))?
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
            org_nouns: src
                .list(&en("organisation-nouns.txt"))?
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
            pronouns: pronouns.into(),
            anonymous,
            documents: lower(src.list(&en("document-sources.txt"))?)
                .into_iter()
                .collect(),
            speech_nouns,
            scare_index: ScareIndex::new(&scare_cues),
            scare_cues,
            quotes,
        })
    }

    /// The scare cues that are empty or end in the byte `last`, in the
    /// order of `scare_cues` (for `None`: the empty ones). A cue of any
    /// other last byte cannot be a suffix of a text that ends in `last`.
    pub fn scare_cues_ending(&self, last: Option<&u8>) -> impl Iterator<Item = &String> {
        let ids = if self.scare_index.built_for == self.scare_cues.len() {
            Some(&self.scare_index.by_last[last.map_or(256, |&b| usize::from(b))])
        } else {
            // `scare_cues` changed after loading: every cue, as the list has them.
            None
        };
        let all = ids.is_none().then(|| self.scare_cues.iter());
        ids.into_iter()
            .flatten()
            .map(|&i| &self.scare_cues[i])
            .chain(all.into_iter().flatten())
    }

    /// Whether `anonymous_re` matches the lowercased `phrase`: decided by
    /// [`AnonymousMatcher`] when it can, by the regex otherwise.
    pub fn is_anonymous(&self, phrase: &str) -> bool {
        self.anonymous_words
            .is_match(phrase)
            .unwrap_or_else(|| self.anonymous_re().is_match(phrase))
    }

    /// The anonymous-source phrases as one word-bounded alternation
    /// (`\b(?:…)\b`), compiled once, on first use.
    pub fn anonymous_re(&self) -> &regex::Regex {
        self.anonymous_re.get_or_init(|| {
            regex::Regex::new(&self.anonymous_pattern)
                .expect("a short alternation of escaped phrases compiles")
        })
    }

    /// `abbreviations.contains(word)`, with no lookup for an ASCII word the
    /// filter turns away (while `abbreviations` is as it was loaded).
    #[inline]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let (filter, n) = &self.abbreviation_filter;
        if *n == self.abbreviations.len() && word.is_ascii() && !filter.may_contain_ascii(word) {
            return false;
        }
        self.abbreviations.contains(word)
    }

    /// [`LangRules::is_abbreviation`] of a word known to be ASCII.
    #[inline]
    pub(crate) fn is_ascii_abbreviation(&self, word: &str) -> bool {
        debug_assert!(word.is_ascii());
        let (filter, n) = &self.abbreviation_filter;
        if *n == self.abbreviations.len() && !filter.may_contain_ascii(word) {
            return false;
        }
        self.abbreviations.contains(word)
    }

    #[inline]
    pub fn is_title(&self, word: &str) -> bool {
        // No capitalisation of an ASCII word the filter turns away is a
        // title (while `titles` is as it was loaded). Most words asked
        // about are turned away here, inline, without a call.
        let (filter, n) = &self.title_filter;
        if *n == self.titles.len() && filter.turns_away_ascii(word) {
            return false;
        }
        self.is_listed_title(word)
    }

    /// [`LangRules::is_title`] of a word the filter lets through: the word
    /// or its capitalisation is in `titles`.
    #[inline(never)]
    fn is_listed_title(&self, word: &str) -> bool {
        if self.titles.contains(word) {
            return true;
        }
        // The word with its first letter capitalised: for an ASCII word
        // that is a lowercase first letter whose uppercase is a title's,
        // checked without building the capitalised copy.
        match word.as_bytes().first() {
            None => false,
            Some(b) if word.is_ascii() => {
                if !b.is_ascii_lowercase() {
                    return false;
                }
                let mut buf = arrayvec::ArrayString::<40>::new();
                if buf.try_push_str(word).is_err() {
                    return self.titles.contains(&capitalize(word));
                }
                buf.as_mut_str()[..1].make_ascii_uppercase();
                self.titles.contains(buf.as_str())
            }
            Some(_) => self.titles.contains(&capitalize(word)),
        }
    }
}

/// A map from words to values for the lookups of every word of a text:
/// a key of at most 16 bytes is found by its [`packed`] form in an
/// open-addressing table (no byte-by-byte hashing, no `memcmp`), a longer
/// one in a `HashMap`. Built once from a `HashMap`; read-only after.
#[derive(Clone)]
pub struct WordMap<V> {
    entries: Vec<(String, V)>,
    /// `(packed key, index into entries)`; `u32::MAX` marks an empty slot.
    table: Box<[([u64; 2], u32, u32)]>,
    /// Keys longer than 16 bytes, by index into entries.
    long: HashMap<String, u32>,
}

/// A word of at most 16 bytes as two words that, with its length, are
/// the word: its first and last eight bytes (or four, or the first,
/// middle and last byte), read over each other where the word is short.
#[inline]
fn packed(b: &[u8]) -> Option<[u64; 2]> {
    let n = b.len();
    let read8 = |k: usize| u64::from_le_bytes(b[k..k + 8].try_into().expect("8"));
    let read4 = |k: usize| u64::from(u32::from_le_bytes(b[k..k + 4].try_into().expect("4")));
    Some(match n {
        17.. => return None,
        8.. => [read8(0), read8(n - 8)],
        4.. => [read4(0) | read4(n - 4) << 32, 0],
        1.. => [
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ],
        0 => [0, 0],
    })
}

impl<V> WordMap<V> {
    const EMPTY: u32 = u32::MAX;

    #[inline]
    fn slot(key: [u64; 2], len: usize, mask: usize) -> usize {
        let h = (key[0] ^ key[1].rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & mask
    }

    // (Inlined: the cue stage looks up a word at most of its candidates,
    // and a call costs a fair part of a lookup.)
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        let b = word.as_bytes();
        let i = match packed(b) {
            Some(key) => {
                let mask = self.table.len() - 1;
                let mut at = Self::slot(key, b.len(), mask);
                loop {
                    let (k, len, i) = self.table[at];
                    if i == Self::EMPTY {
                        return None;
                    }
                    if k == key && len as usize == b.len() {
                        break i;
                    }
                    at = (at + 1) & mask;
                }
            }
            None => self.get_long(word)?,
        };
        Some(&self.entries[i as usize].1)
    }

    /// The entry of a word longer than 16 bytes (rare: kept out of line).
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &str) -> Option<u32> {
        self.long.get(word).copied()
    }

    #[inline]
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V> From<HashMap<String, V>> for WordMap<V> {
    fn from(map: HashMap<String, V>) -> Self {
        let entries: Vec<(String, V)> = map.into_iter().collect();
        // At most a quarter full, so a probe ends soon at an empty slot:
        // most words looked up are in no map, and a miss probes on to the
        // first empty slot (about 1.4 slots at a quarter, 2.5 at half).
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = vec![([0u64; 2], 0u32, Self::EMPTY); size].into_boxed_slice();
        let mut long = HashMap::default();
        for (i, (k, _)) in entries.iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than 2^32 words");
            match packed(k.as_bytes()) {
                Some(key) => {
                    let mut at = Self::slot(key, k.len(), size - 1);
                    while table[at].2 != Self::EMPTY {
                        at = (at + 1) & (size - 1);
                    }
                    table[at] = (key, k.len() as u32, i);
                }
                None => {
                    long.insert(k.clone(), i);
                }
            }
        }
        WordMap {
            entries,
            table,
            long,
        }
    }
}

impl<'a, V> IntoIterator for &'a WordMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V> std::ops::Index<&str> for WordMap<V> {
    type Output = V;
    fn index(&self, word: &str) -> &V {
        self.get(word).expect("the word is in the map")
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// `anonymous_re` — the phrases between word boundaries (`\b`) — matched
/// on ASCII text by the phrases' last words. In ASCII text a word
/// character is `[0-9A-Za-z_]`, and a match ends with its phrase's last
/// word as a whole run of word characters; so only the runs that are some
/// phrase's last word are looked at, and there the phrases ending in that
/// word are compared in place, with the boundary before them.
#[derive(Debug, Clone)]
pub struct AnonymousMatcher {
    /// Last word → the phrases ending in it.
    by_last_word: HashMap<String, Vec<String>>,
    /// False when a phrase ends in no word character (or is empty): the
    /// regex decides then.
    usable: bool,
}

fn is_ascii_word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
}

/// [`is_ascii_word_byte`] of every byte, as a table: one load per byte of
/// [`AnonymousMatcher::is_match`]'s scan rather than three range tests.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    t
};

/// The longest `anonymous_re` pattern compiled only when first needed.
const ANONYMOUS_EAGER_PATTERN: usize = 16 * 1024;

/// Whether the character `c` is a word character (`\w`) for `\b`:
/// `Some` for ASCII and for the common punctuation and spaces of news copy
/// (no-break space, guillemets, dashes, curly quotes, bullets, ellipsis),
/// none of which is; `None` for other characters.
fn word_char(c: char) -> Option<bool> {
    match c {
        _ if c.is_ascii() => Some(is_ascii_word_byte(c as u8)),
        '\u{a0}' | '\u{ab}' | '\u{bb}' | '\u{2010}'..='\u{2027}' => Some(false),
        _ => None,
    }
}

impl AnonymousMatcher {
    fn new(phrases: &[String]) -> Self {
        let mut by_last_word: HashMap<String, Vec<String>> = HashMap::default();
        let mut usable = true;
        for p in phrases {
            let b = p.as_bytes();
            let start = b.len()
                - b.iter()
                    .rev()
                    .take_while(|&&c| is_ascii_word_byte(c))
                    .count();
            if start < b.len() {
                by_last_word
                    .entry(p[start..].to_string())
                    .or_default()
                    .push(p.clone());
            } else if p.is_ascii() {
                // A phrase that is not ASCII cannot match ASCII text; an
                // ASCII one that ends in punctuation breaks the argument.
                usable = false;
            }
        }
        AnonymousMatcher {
            by_last_word,
            usable,
        }
    }

    /// Whether `anonymous_re` matches `text`, or `None` when the phrases do
    /// not allow the shortcut, or when a phrase is found in text that is
    /// not ASCII next to a character [`word_char`] does not know.
    pub fn is_match(&self, text: &str) -> Option<bool> {
        if !self.usable {
            return None;
        }
        let h = text.as_bytes();
        let word_at = |i: usize| h.get(i).copied().is_some_and(is_ascii_word_byte);
        // Whether the character before / at byte `k` (a character
        // boundary) is a word character; none is one.
        let before = |k: usize| text[..k].chars().next_back().map_or(Some(false), word_char);
        let at = |k: usize| text[k..].chars().next().map_or(Some(false), word_char);
        // A phrase found where a boundary could not be told.
        let mut unsure = false;
        let mut i = 0;
        while i < h.len() {
            if !word_at(i) {
                i += 1;
                continue;
            }
            let start = i;
            while word_at(i) {
                i += 1;
            }
            let Some(phrases) = self.by_last_word.get(&text[start..i]) else {
                continue;
            };
            // The phrase must start at a boundary, and the run end at one
            // (in ASCII text it does; otherwise the character after it may
            // be a word character). The phrase's bytes start with no
            // continuation byte, so `s` is a character boundary.
            for p in phrases {
                let Some(s) = i.checked_sub(p.len()) else {
                    continue;
                };
                if &h[s..i] != p.as_bytes() {
                    continue;
                }
                match (before(s), at(s), at(i)) {
                    (Some(b), Some(a), Some(e)) => {
                        if b != a && !e {
                            return Some(true);
                        }
                    }
                    _ => unsure = true,
                }
            }
        }
        (!unsure).then_some(false)
    }
}

/// A set of lowercase words as a 65,536-bit table in which each word sets
/// two bits: one by a hash of its length and first eight bytes, one by a
/// hash of its length and first, third and next-to-last letters. `may_contain` is true for every word of the set in any
/// capitalisation, and for a few others (the caller still looks the word
/// up); a non-ASCII word is always a maybe.
#[derive(Clone)]
pub struct WordFilter {
    bits: Box<[u64; 1024]>,
    /// Whether some word of the set is not ASCII.
    any_wide: bool,
}

impl std::fmt::Debug for WordFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordFilter").finish_non_exhaustive()
    }
}

/// The first eight bytes of `b`, little-endian (all of them, the rest
/// zero, when it is shorter), read without a loop: two overlapping reads
/// of four bytes, or three single bytes, cover a short word (a byte read
/// twice is or-ed onto itself).
#[inline(always)]
fn first_eight(b: &[u8]) -> u64 {
    let n = b.len();
    let read4 = |k: usize| u64::from(u32::from_le_bytes(b[k..k + 4].try_into().expect("4")));
    match n {
        8.. => u64::from_le_bytes(b[..8].try_into().expect("8")),
        4.. => read4(0) | read4(n - 4) << (8 * (n - 4)),
        1.. => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        0 => 0,
    }
}

impl WordFilter {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = Box::new([0u64; 1024]);
        let mut any_wide = false;
        for w in words {
            any_wide |= !w.is_ascii();
            if let Some((h, g)) = Self::slots(w) {
                bits[h >> 6] |= 1 << (h & 63);
                bits[g >> 6] |= 1 << (g & 63);
            }
        }
        WordFilter { bits, any_wide }
    }

    /// The two table bits of an ASCII word (case-blind), or `None` for a
    /// word that is empty or not ASCII.
    #[inline]
    fn slots(w: &str) -> Option<(usize, usize)> {
        if w.is_empty() || !w.is_ascii() {
            return None;
        }
        Some(Self::hashes(w.as_bytes()))
    }

    /// Whether both bits of a non-empty ASCII word are set. (The second
    /// hash is only computed when the first bit is set: most words of a
    /// text fail on the first.)
    #[inline]
    fn has(&self, b: &[u8]) -> bool {
        let bit = |h: usize| self.bits[h >> 6] & (1 << (h & 63)) != 0;
        bit(Self::first_hash(b)) && bit(Self::second_hash(b))
    }

    /// `w.is_ascii() && !self.may_contain_ascii(w)`: whether the filter
    /// turns away an ASCII word. A word of at most eight bytes is told
    /// ASCII by the bytes read for its hash (every one of them), not by
    /// another pass.
    #[inline]
    pub(crate) fn turns_away_ascii(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if b.is_empty() {
            return false;
        }
        let first = first_eight(b);
        let ascii = if b.len() <= 8 {
            first & 0x8080_8080_8080_8080 == 0
        } else {
            b.is_ascii()
        };
        let bit = |h: usize| self.bits[h >> 6] & (1 << (h & 63)) != 0;
        ascii && !(bit(Self::hash_eight(first, b.len())) && bit(Self::second_hash(b)))
    }

    /// False only when no capitalisation of `w` is in the set.
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        match Self::slots(w) {
            Some(_) => self.has(w.as_bytes()),
            None => true,
        }
    }

    /// [`WordFilter::may_contain`] of a word that is not ASCII, looking
    /// closer: a word with a character of the General Punctuation block
    /// (`’`, which has no case) keeps it in every capitalisation, so it is
    /// none of a set of ASCII words.
    #[inline]
    pub fn may_contain_wide(&self, w: &str) -> bool {
        const NO_CASE: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';
        self.any_wide || !w.chars().any(|c| NO_CASE.contains(&c))
    }

    /// [`WordFilter::may_contain`] of a word known to be ASCII (a token
    /// that says so), without checking that again.
    #[inline]
    pub fn may_contain_ascii(&self, w: &str) -> bool {
        debug_assert!(w.is_ascii());
        self.may_contain_ascii_bytes(w.as_bytes())
    }

    /// [`WordFilter::may_contain_ascii`] of the bytes of an ASCII word.
    #[inline]
    pub fn may_contain_ascii_bytes(&self, b: &[u8]) -> bool {
        debug_assert!(b.is_ascii());
        b.is_empty() || self.has(b)
    }

    /// [`WordFilter::may_contain_ascii_bytes`] of a non-empty ASCII word
    /// whose [`WordFilter::first_hash`] the caller has computed (the
    /// tokenizer, which indexes the [`wordclass`](crate::wordclass) filter
    /// with it too).
    #[inline(always)]
    pub(crate) fn may_contain_ascii_hashed(&self, b: &[u8], first: usize) -> bool {
        debug_assert!(b.is_ascii() && !b.is_empty());
        debug_assert_eq!(first, Self::first_hash(b));
        let bit = |h: usize| self.bits[h >> 6] & (1 << (h & 63)) != 0;
        bit(first) && bit(Self::second_hash(b))
    }

    /// The two bits of a non-empty word. Case-blind: `| 0x20` folds
    /// `A..=Z` onto `a..=z` (and may merge other bytes, which only makes
    /// the filter pass more words).
    #[inline]
    fn hashes(b: &[u8]) -> (usize, usize) {
        (Self::first_hash(b), Self::second_hash(b))
    }

    /// The first of [`WordFilter::hashes`]: the word's first eight bytes
    /// and its length (16 bits), [`WordFilter::hash_eight`] of
    /// [`first_eight`]. Case-blind for ASCII letters, and the same for a
    /// word and its ASCII lower case. (Also the index of the
    /// [`wordclass`](crate::wordclass) filter, which the tokenizer
    /// computes from the same hash, from the eight bytes it reads at the
    /// start of each word.)
    #[inline(always)]
    pub(crate) fn first_hash(b: &[u8]) -> usize {
        Self::hash_eight(first_eight(b), b.len())
    }

    /// The first hash of a word of `n` bytes whose first eight bytes (all
    /// of them, the rest zero, when it is shorter) are `first`, read
    /// little-endian. `| 0x20` on every byte folds `A..=Z` onto `a..=z`
    /// (and may merge other bytes, which only makes the filter pass more
    /// words); the top bits of a multiply mix in every bit.
    #[inline(always)]
    pub(crate) const fn hash_eight(first: u64, n: usize) -> usize {
        let key = (first | 0x2020_2020_2020_2020) ^ n as u64;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    /// Whether the bit of a word's [`WordFilter::first_hash`] `first` is
    /// set: when it is not, the word is not in the set.
    #[inline(always)]
    pub(crate) fn first_bit(&self, first: usize) -> bool {
        self.bits[first >> 6] & (1 << (first & 63)) != 0
    }

    /// [`WordFilter::first_hash`] of a non-empty word, as a `const fn`
    /// for tables built at compile time (the same value, tested).
    pub(crate) const fn first_hash_const(b: &[u8]) -> usize {
        let mut first = 0u64;
        let mut k = 0;
        while k < b.len() && k < 8 {
            first |= (b[k] as u64) << (8 * k);
            k += 1;
        }
        Self::hash_eight(first, b.len())
    }

    /// The second of [`WordFilter::hashes`]: length, first, third and
    /// next-to-last letters.
    #[inline(always)]
    fn second_hash(b: &[u8]) -> usize {
        let n = b.len();
        let at = |k: usize| u32::from(b.get(k).copied().unwrap_or(0));
        let other =
            (n as u32 | at(0) << 8 | at(2) << 16 | at(n.wrapping_sub(2)) << 24) | 0x2020_2000;
        (other.wrapping_mul(0x85EB_CA77) >> 16) as usize
    }
}

fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_eight_bytes_is_first_hash() {
        let fills = [0u8, b' ', b'x', b'E', 0xC3, 0xFF];
        for w in [
            "a",
            "I",
            "to",
            "Mr",
            "the",
            "said",
            "U.S.",
            "Trump",
            "spoke",
            "Kremlin",
            "official",
            "x-y",
            "3",
            "42",
            "AT&T",
            "don't",
            "according",
            "spokeswoman",
            "Internationally",
        ] {
            let b = w.as_bytes();
            let n = b.len();
            assert_eq!(
                WordFilter::first_hash_const(b),
                WordFilter::first_hash(b),
                "{w}"
            );
            for fill in fills {
                // What the tokenizer reads at the word's start, and the
                // word's bytes among them.
                let mut eight = [fill; 8];
                let k = n.min(8);
                eight[..k].copy_from_slice(&b[..k]);
                let read = u64::from_le_bytes(eight) & (u64::MAX >> (64 - 8 * k));
                assert_eq!(
                    WordFilter::hash_eight(read, n),
                    WordFilter::first_hash(b),
                    "{w} {fill}"
                );
            }
        }
    }

    #[test]
    fn a_word_with_general_punctuation_starts_no_ascii_cue() {
        let rules = LangRules::builtin("en").unwrap();
        assert!(rules.phrase_index.keys().all(|k| k.is_ascii()));
        assert!(!rules.cue_starts.may_contain_wide("it’s"));
        assert!(!rules.cue_starts.may_contain_wide("Trump’s"));
        assert!(rules.cue_starts.may_contain_wide("Ünal"));
        // The Kelvin sign lowers to an ASCII `k`.
        assert!(rules.cue_starts.may_contain_wide("\u{212A}eep"));
        let wide = WordFilter::new(["ça", "said"]);
        assert!(wide.may_contain_wide("it’s"));
    }

    #[test]
    fn word_map_agrees_with_its_hash_map() {
        let rules = LangRules::builtin("en").unwrap();
        let mut words: Vec<String> = rules.verbs.keys().cloned().collect();
        words.extend(
            ["", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghijklmnop"].map(String::from),
        );
        words.extend(["abcdefghijklmnopq", "a very long phrase of many words"].map(String::from));
        words.extend(["é", "ü1", "Ünal", "naïve", "straße", "東京"].map(String::from));
        let map: HashMap<String, usize> = words
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(i, w)| (w.clone(), i))
            .collect();
        let fast = WordMap::from(map.clone());
        assert_eq!(fast.len(), map.len());
        let mut probes = words.clone();
        for w in &words {
            probes.extend([w.to_uppercase(), format!("{w}s"), format!("x{w}")]);
            if let Some((i, _)) = w.char_indices().last() {
                probes.push(w[..i].to_string());
            }
        }
        for w in &probes {
            assert_eq!(fast.get(w), map.get(w), "{w:?}");
        }
        for (k, v) in &fast {
            assert_eq!(map.get(k), Some(v));
        }
    }

    /// The cue pre-filter must pass every word that can start a cue in any
    /// capitalisation, read straight from the rule files, so that a new
    /// entry in verbs.toml or cues.toml can never be skipped.
    #[test]
    fn anonymous_matcher_agrees_with_the_regex() {
        let rules = LangRules::builtin("en").unwrap();
        assert!(rules.anonymous_words.usable);
        let mut texts: Vec<String> = vec![
            String::new(),
            "officials".into(),
            "the officials".into(),
            "u.s. officials".into(),
            "a u.s. official".into(),
            "us officials".into(),
            "trump".into(),
            "the company’s officials".into(),
        ];
        for p in &rules.anonymous {
            for pre in [
                "", "a ", "x", "_", ".", "the ", "1", "-", "’", "é", "“", "\u{a0}", "—", "ü ",
            ] {
                for post in [
                    "", " said", "s", "_", ".", "’s", "-", "9", " x", "é", "”", "—", "\u{200d}",
                ] {
                    texts.push(format!("{pre}{p}{post}"));
                }
            }
            // Every cut of the phrase too.
            for (i, _) in p.char_indices() {
                texts.push(p[..i].to_string());
                texts.push(p[i..].to_string());
            }
        }
        for t in &texts {
            let want = rules.anonymous_re().is_match(t);
            match rules.anonymous_words.is_match(t) {
                Some(got) => assert_eq!(got, want, "{t:?}"),
                None => assert!(!t.is_ascii(), "{t:?}"),
            }
            assert_eq!(rules.is_anonymous(t), want, "{t:?}");
        }
        // Curly quotes and dashes are no word characters: told without the regex.
        assert_eq!(
            rules.anonymous_words.is_match("“officials said”"),
            Some(true)
        );
        assert_eq!(rules.anonymous_words.is_match("—officials—"), Some(true));
        assert_eq!(rules.anonymous_words.is_match("éofficials"), None);
        // A phrase ending in punctuation leaves it to the regex.
        let m = AnonymousMatcher::new(&["officials".into(), "u.s.".into()]);
        assert_eq!(m.is_match("u.s."), None);
    }

    #[test]
    fn turns_away_ascii_is_the_ascii_filter_test() {
        let rules = LangRules::builtin("en").unwrap();
        let filter = &rules.title_filter.0;
        let mut words: Vec<String> = rules.titles.iter().cloned().collect();
        words.extend(rules.verbs.keys().cloned());
        words.extend(
            [
                "",
                "a",
                "é",
                "ab",
                "aé",
                "abc",
                "abé",
                "éab",
                "abcd",
                "abcdefg",
                "abcdefgé",
                "abcdefgh",
                "abcdefghé",
                "Président",
                "Ünal",
                "naïve",
                "spokeswoman’s",
            ]
            .map(String::from),
        );
        for w in &words {
            let want = w.is_ascii() && !filter.may_contain_ascii(w);
            assert_eq!(filter.turns_away_ascii(w), want, "{w:?}");
        }
    }

    /// `is_title` with its filter agrees with the set lookups it guards.
    #[test]
    fn title_filter_keeps_every_title() {
        let mut rules = LangRules::builtin("en").unwrap();
        let reference = |rules: &LangRules, w: &str| {
            rules.titles.contains(w) || rules.titles.contains(&capitalize(w))
        };
        let mut words: Vec<String> = Vec::new();
        for t in &rules.titles {
            words.extend([t.clone(), t.to_lowercase(), t.to_uppercase(), capitalize(t)]);
            words.push(format!("{t}s"));
        }
        words.extend(rules.verbs.keys().cloned());
        words.extend(["", "a", "Mr.", "gov.", "Gov", "président", "Ünal"].map(String::from));
        for round in 0..2 {
            for w in &words {
                assert_eq!(rules.is_title(w), reference(&rules, w), "{w:?}");
            }
            // A title added after loading is still found.
            rules.titles.insert("Harrumpher".into());
            words.push("harrumpher".into());
            assert!(round == 1 || rules.is_title("harrumpher"));
        }
    }

    #[test]
    fn scare_cues_by_last_byte_are_the_list_filtered() {
        let mut rules = LangRules::builtin("en").unwrap();
        let filtered = |rules: &LangRules, last: Option<&u8>| -> Vec<String> {
            rules
                .scare_cues
                .iter()
                .filter(|c| c.as_bytes().last().is_none_or(|b| Some(b) == last))
                .cloned()
                .collect()
        };
        for round in 0..2 {
            for last in (0..=255u8).map(Some).chain([None]) {
                let got: Vec<String> = rules.scare_cues_ending(last.as_ref()).cloned().collect();
                let all: Vec<String> = rules
                    .scare_cues_ending(last.as_ref())
                    .filter(|c| c.as_bytes().last().is_none_or(|b| Some(b) == last.as_ref()))
                    .cloned()
                    .collect();
                assert_eq!(all, filtered(&rules, last.as_ref()), "{last:?}");
                if round == 0 {
                    assert_eq!(got, all, "{last:?}");
                }
            }
            // A list changed after loading falls back to the whole list.
            rules.scare_cues.insert(0, String::new());
            rules.scare_cues.push("so-called".into());
        }
    }

    #[test]
    fn every_speech_noun_is_a_flagged_cue_start() {
        // The cue loop tries a speech noun only for a word the cue-start
        // filter lets through and `phrase_index` flags, in any case.
        let rules = LangRules::builtin("en").unwrap();
        assert!(!rules.speech_nouns.is_empty());
        for n in &rules.speech_nouns {
            assert!(
                rules.phrase_index.get(n).is_some_and(|s| s.speech_noun),
                "{n}"
            );
            let cap = format!("{}{}", n[..1].to_uppercase(), &n[1..]);
            for w in [n.as_str(), &cap, &n.to_uppercase()] {
                assert!(rules.cue_starts.may_contain(w), "{w}");
            }
        }
        // A verb form that is no speech noun is not flagged.
        assert!(
            rules
                .phrase_index
                .get("said")
                .is_some_and(|s| !s.speech_noun)
        );
    }

    #[test]
    fn cue_filter_passes_every_verb_form_and_phrase_start() {
        let rules = LangRules::builtin("en").unwrap();
        let verbs: VerbFile = toml::from_str(include_str!("../rules/lang/en/verbs.toml")).unwrap();
        let cues: CueFile = toml::from_str(include_str!("../rules/lang/en/cues.toml")).unwrap();
        let mut starts: Vec<String> = verbs.verb.iter().flat_map(|v| v.forms.clone()).collect();
        starts.extend(
            cues.cue
                .iter()
                .filter_map(|c| c.phrase.split_whitespace().next().map(str::to_owned)),
        );
        assert!(starts.len() > 1000);
        for w in &starts {
            let title = capitalize(w);
            for form in [w.to_lowercase(), title, w.to_uppercase()] {
                assert!(rules.cue_starts.may_contain(&form), "filter drops {form:?}");
            }
            assert!(rules.phrase_index.contains_key(&w.to_lowercase()), "{w}");
        }
        // Every key of the index, including added verbs, passes too.
        let extras = Extras {
            reporting_verbs: vec!["Harrumph".into()],
            ..Extras::default()
        };
        let rules = LangRules::load("en", None, &extras).unwrap();
        for (k, start) in &rules.phrase_index {
            assert!(rules.cue_starts.may_contain(k), "{k}");
            // The cue matcher takes a phrase's first word as matched.
            for &i in &start.phrases {
                assert_eq!(rules.phrase_cues[i].words.first(), Some(k));
            }
            // The entry's verb and flag are what `verbs` and `speech_nouns`
            // say of the word.
            assert_eq!(start.verb.as_ref(), rules.verbs.get(k), "{k}");
            assert_eq!(start.speech_noun, rules.speech_nouns.contains(k), "{k}");
        }
        assert!(rules.cue_starts.may_contain("Harrumph"));
        // It does reject most words that start no cue.
        let other = [
            "the", "house", "votes", "budget", "tuesday", "senate", "river",
        ];
        assert!(
            other
                .iter()
                .filter(|w| rules.cue_starts.may_contain(w))
                .count()
                < other.len()
        );
    }

    /// The JSON `build.rs` makes of each embedded TOML file holds the same
    /// data, and every embedded TOML file has it.
    #[test]
    fn embedded_json_is_the_embedded_toml() {
        let tomls: Vec<_> = EMBEDDED
            .iter()
            .filter(|(p, _)| p.ends_with(".toml"))
            .collect();
        assert_eq!(tomls.len(), EMBEDDED_JSON.len());
        for (rel, text) in tomls {
            let json = EMBEDDED_JSON.iter().find(|(p, _)| p == rel).unwrap().1;
            let from_toml = serde_json::to_value(toml::from_str::<toml::Table>(text).unwrap());
            let from_json: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_toml.unwrap(), from_json, "{rel}");
        }
    }

    #[test]
    fn embedded_table_lists_exactly_the_files_on_disk() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk = Vec::new();
        walk(&root, &root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> = EMBEDDED.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }

    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "toml")
            ) {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(rel);
            }
        }
    }

    #[test]
    fn every_shipped_language_loads() {
        for lang in languages() {
            let rules = LangRules::builtin(lang).unwrap();
            assert!(
                !rules.quotes.pair.is_empty(),
                "{lang} has no quotation marks"
            );
        }
        let en = LangRules::builtin("en").unwrap();
        assert!(en.verbs.len() >= 80 * 3, "verb forms: {}", en.verbs.len());
        assert_eq!(&*en.verbs["said"].lemma, "say");
        assert!(en.abbreviations.contains("Mr."));
    }

    #[test]
    fn plain_lists_are_sorted_and_free_of_duplicates() {
        for (path, text) in EMBEDDED.iter().filter(|(p, _)| p.ends_with(".txt")) {
            let items = parse_list(text);
            let mut sorted = items.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(items, sorted, "{path} is not sorted or has duplicates");
        }
    }

    #[test]
    fn a_bad_rules_file_names_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("lang/en")).unwrap();
        std::fs::write(
            dir.path().join("lang/en/verbs.toml"),
            "[[verb]]\nlemma = \"opine\"\nforms = [\"opined\"]\nstance = \"neutral\"\nclass = \"speech\"\ncolour = 1\n",
        )
        .unwrap();
        let err = LangRules::load("en", Some(dir.path()), &Extras::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Rules);
        assert_eq!(err.position, Some((6, 1)));
        assert!(err.to_string().contains("verbs.toml:6:1"), "{err}");
    }

    #[test]
    fn overlay_adds_and_removes_entries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("lang/en")).unwrap();
        std::fs::write(dir.path().join("lang/en/abbreviations.txt"), "!Mr.\nKt.\n").unwrap();
        let rules = LangRules::load("en", Some(dir.path()), &Extras::default()).unwrap();
        assert!(!rules.abbreviations.contains("Mr."));
        assert!(rules.abbreviations.contains("Kt."));
    }

    #[test]
    fn unknown_language_is_a_usage_error() {
        let err = LangRules::builtin("xx").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Usage);
    }
}
