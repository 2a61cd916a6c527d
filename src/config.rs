//! Configuration: `quotecheck.toml`, found by walking up from each file.
//!
//! Settings are layered: the built-in defaults, then the nearest config
//! file (or the one given with `--config`; none with `--isolated`), then
//! the command line. Keys are kebab-case; an unknown key or a bad value is
//! an error naming the file, line and column.
//!
//! ```toml
//! lang = "en"
//! select = ["ALL"]                 # or a list of rules; default: the default rules
//! ignore = ["missing-attribution"]
//! extend-select = []
//! fail-level = "warning"           # the lowest severity that makes exit 1
//! quote-style = "curly"            # "curly" | "straight" | "any"
//! exclude = ["drafts/", "*.wire.txt"]  # gitignore patterns, relative to this file
//! rules-dir = "house-rules"        # overlays the shipped rules/ (relative to this file)
//!
//! [severity]
//! missing-attribution = "error"
//!
//! [extra]
//! reporting-verbs = ["opined"]
//! abbreviations = ["Supt."]
//! anonymous-sources = ["a person briefed on the talks"]
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::engine::{Engine, Settings};
use crate::error::{Error, ErrorKind, Result};
use crate::lang::{self, Extras, LangRules};
use crate::lints::{self, RuleSelection};

/// The house style for quotation marks: `curly` turns on
/// `straight-quote`, `straight` turns on `curly-quote`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStyle {
    /// Either style.
    #[default]
    Any,
    Curly,
    Straight,
}

impl QuoteStyle {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStyle::Any => "any",
            QuoteStyle::Curly => "curly",
            QuoteStyle::Straight => "straight",
        }
    }

    /// The rule this style turns on.
    pub fn rule(self) -> Option<&'static str> {
        match self {
            QuoteStyle::Any => None,
            QuoteStyle::Curly => Some(lints::straight_quote::RULE.name),
            QuoteStyle::Straight => Some(lints::curly_quote::RULE.name),
        }
    }
}

/// The name of a config file.
pub const FILE_NAME: &str = "quotecheck.toml";

/// A config file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub lang: Option<Spanned<String>>,
    pub select: Option<Vec<Spanned<String>>>,
    pub ignore: Option<Vec<Spanned<String>>>,
    pub extend_select: Option<Vec<Spanned<String>>>,
    pub severity: Option<BTreeMap<Spanned<String>, Severity>>,
    pub fail_level: Option<Severity>,
    pub quote_style: Option<QuoteStyle>,
    pub exclude: Option<Vec<Spanned<String>>>,
    pub rules_dir: Option<Spanned<String>>,
    pub extra: Option<ExtraConfig>,
}

/// `[extra]`: entries added to the shipped rule lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExtraConfig {
    #[serde(default)]
    pub reporting_verbs: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub anonymous_sources: Vec<String>,
}

/// A parsed, checked config file.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub file: FileConfig,
    text: String,
}

impl ConfigFile {
    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<ConfigFile> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(ErrorKind::Config, format!("cannot read config file: {e}")).with_path(path)
        })?;
        ConfigFile::parse(path, text)
    }

    /// Parses `text` as the config file at `path` (relative paths in it are
    /// relative to the file's directory).
    pub fn parse(path: &Path, text: String) -> Result<ConfigFile> {
        let file: FileConfig = toml::from_str(&text).map_err(|e| {
            let mut err =
                Error::new(ErrorKind::Config, e.message().trim_end().to_string()).with_path(path);
            if let Some(span) = e.span() {
                let (l, c) = crate::error::line_col(&text, span.start);
                err = err.at(l, c);
            }
            err
        })?;
        let cf = ConfigFile {
            path: path.to_path_buf(),
            file,
            text,
        };
        cf.validate()?;
        Ok(cf)
    }

    /// The directory relative paths in the file start from.
    pub fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        }
    }

    fn error_at(&self, at: usize, message: String) -> Error {
        let (l, c) = crate::error::line_col(&self.text, at);
        Error::new(ErrorKind::Config, message)
            .with_path(&self.path)
            .at(l, c)
    }

    fn validate(&self) -> Result<()> {
        let f = &self.file;
        let names = f
            .select
            .iter()
            .flatten()
            .chain(f.ignore.iter().flatten())
            .chain(f.extend_select.iter().flatten())
            .chain(f.severity.iter().flat_map(|m| m.keys()));
        for n in names {
            if n.get_ref() != "ALL" && lints::find_rule(n.get_ref()).is_none() {
                return Err(self.error_at(
                    n.span().start,
                    format!("unknown rule `{}` (see `quotecheck rules`)", n.get_ref()),
                ));
            }
        }
        if let Some(dir) = &f.rules_dir {
            let p = self.dir().join(dir.get_ref());
            if !p.is_dir() {
                return Err(self.error_at(
                    dir.span().start,
                    format!("`rules-dir` {} is not a directory", p.display()),
                ));
            }
        }
        if let Some(l) = &f.lang
            && f.rules_dir.is_none()
            && !lang::languages().contains(&l.get_ref().as_str())
        {
            return Err(self.error_at(
                l.span().start,
                format!(
                    "unknown language `{}` (known: {})",
                    l.get_ref(),
                    lang::languages().join(", ")
                ),
            ));
        }
        for pat in f.exclude.iter().flatten() {
            let mut b = GitignoreBuilder::new(self.dir());
            if let Err(e) = b.add_line(None, pat.get_ref()) {
                return Err(self.error_at(pat.span().start, format!("bad `exclude` pattern: {e}")));
            }
        }
        Ok(())
    }
}

/// Settings from the command line, applied over the config file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub lang: Option<String>,
    /// Replaces the config's `select`.
    pub select: Option<Vec<String>>,
    /// Added to the config's `ignore`.
    pub ignore: Vec<String>,
    /// Added to the config's `extend-select`.
    pub extend_select: Vec<String>,
    pub fail_level: Option<Severity>,
    pub quote_style: Option<QuoteStyle>,
    /// gitignore patterns relative to the working directory.
    pub exclude: Vec<String>,
}

/// The effective settings for a file.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The config file they came from, if any.
    pub source: Option<PathBuf>,
    pub lang: String,
    pub selection: RuleSelection,
    pub quote_style: QuoteStyle,
    pub fail_level: Severity,
    pub rules_dir: Option<PathBuf>,
    pub extras: Extras,
    /// `exclude` patterns as written in the config file.
    pub exclude: Vec<String>,
    exclude_matcher: Option<Arc<Gitignore>>,
}

impl Resolved {
    /// Layers `config` (if any) and `overrides` over the defaults.
    pub fn new(config: Option<&ConfigFile>, overrides: &Overrides) -> Result<Resolved> {
        let empty = FileConfig::default();
        let f = config.map_or(&empty, |c| &c.file);
        let names = |v: &Option<Vec<Spanned<String>>>| -> Vec<String> {
            v.iter().flatten().map(|s| s.get_ref().clone()).collect()
        };
        let mut selection = RuleSelection {
            select: f
                .select
                .as_ref()
                .map(|_| names(&f.select).into_iter().collect()),
            extend_select: names(&f.extend_select).into_iter().collect(),
            ignore: names(&f.ignore).into_iter().collect(),
            severity: f
                .severity
                .iter()
                .flatten()
                .map(|(k, v)| (k.get_ref().clone(), *v))
                .collect(),
        };
        if let Some(sel) = &overrides.select {
            selection.select = Some(sel.iter().cloned().collect::<BTreeSet<_>>());
        }
        selection.ignore.extend(overrides.ignore.iter().cloned());
        selection
            .extend_select
            .extend(overrides.extend_select.iter().cloned());
        let quote_style = overrides.quote_style.or(f.quote_style).unwrap_or_default();
        if let Some(rule) = quote_style.rule()
            && !selection.ignore.contains(rule)
        {
            selection.extend_select.insert(rule.to_string());
        }
        selection.validate()?;
        let extras = f.extra.clone().map_or_else(Extras::default, |e| Extras {
            reporting_verbs: e.reporting_verbs,
            abbreviations: e.abbreviations,
            anonymous_sources: e.anonymous_sources,
        });
        let exclude: Vec<String> = names(&f.exclude);
        let exclude_matcher = match config {
            Some(c) if !exclude.is_empty() => {
                let mut b = GitignoreBuilder::new(absolute(c.dir()));
                for p in &exclude {
                    b.add_line(None, p).map_err(|e| {
                        Error::new(ErrorKind::Config, e.to_string()).with_path(&c.path)
                    })?;
                }
                Some(Arc::new(b.build().map_err(|e| {
                    Error::new(ErrorKind::Config, e.to_string()).with_path(&c.path)
                })?))
            }
            _ => None,
        };
        Ok(Resolved {
            source: config.map(|c| c.path.clone()),
            lang: overrides
                .lang
                .clone()
                .or_else(|| f.lang.as_ref().map(|l| l.get_ref().clone()))
                .unwrap_or_else(|| "en".to_string()),
            selection,
            quote_style,
            fail_level: overrides
                .fail_level
                .or(f.fail_level)
                .unwrap_or(Severity::Warning),
            rules_dir: config.and_then(|c| f.rules_dir.as_ref().map(|d| c.dir().join(d.get_ref()))),
            extras,
            exclude,
            exclude_matcher,
        })
    }

    /// The engine these settings describe.
    pub fn engine(&self) -> Result<Engine> {
        let lang =
            LangRules::load(&self.lang, self.rules_dir.as_deref(), &self.extras).map_err(|e| {
                match &self.source {
                    Some(p) if e.path.is_none() => {
                        Error::new(ErrorKind::Config, e.message).with_path(p)
                    }
                    _ => e,
                }
            })?;
        Ok(Engine::new(
            lang,
            Settings {
                rules: self.selection.clone(),
            },
        ))
    }

    /// Whether the config's `exclude` patterns exclude `path` (absolute).
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        match &self.exclude_matcher {
            Some(m) if path.starts_with(m.path()) => {
                m.matched_path_or_any_parents(path, is_dir).is_ignore()
            }
            _ => false,
        }
    }

    /// The effective settings as a config file (`quotecheck config --show`).
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |v: &[String]| {
            format!(
                "[{}]",
                v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
            )
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# config file: {}",
            self.source
                .as_ref()
                .map_or("none (built-in defaults)".to_string(), |p| p
                    .display()
                    .to_string())
        );
        let _ = writeln!(out, "lang = {}", q(&self.lang));
        let enabled: Vec<String> = lints::RULES
            .iter()
            .filter(|r| self.selection.enabled(r))
            .map(|r| r.name.to_string())
            .collect();
        let _ = writeln!(out, "select = {}", list(&enabled));
        let _ = writeln!(out, "fail-level = {}", q(self.fail_level.as_str()));
        let _ = writeln!(out, "quote-style = {}", q(self.quote_style.as_str()));
        let _ = writeln!(out, "exclude = {}", list(&self.exclude));
        if let Some(d) = &self.rules_dir {
            let _ = writeln!(out, "rules-dir = {}", q(&d.display().to_string()));
        }
        let _ = writeln!(out, "\n[severity]");
        for r in lints::RULES.iter().filter(|r| self.selection.enabled(r)) {
            let _ = writeln!(
                out,
                "{} = {}",
                r.name,
                q(self.selection.severity(r).as_str())
            );
        }
        let _ = writeln!(out, "\n[extra]");
        let _ = writeln!(
            out,
            "reporting-verbs = {}",
            list(&self.extras.reporting_verbs)
        );
        let _ = writeln!(out, "abbreviations = {}", list(&self.extras.abbreviations));
        let _ = writeln!(
            out,
            "anonymous-sources = {}",
            list(&self.extras.anonymous_sources)
        );
        out
    }
}

/// `path` made absolute against the working directory (not resolving
/// links, so that it still names the file as given).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Settings and the engine they describe.
pub type Settled = (Resolved, Engine);

/// `path` relative to the working directory when it is inside it, for
/// messages.
fn shown(path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) => path
            .strip_prefix(&cwd)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf),
        Err(_) => path.to_path_buf(),
    }
}

/// Where settings come from, for a run over many files.
pub enum Source {
    /// Walk up from each file to the nearest `quotecheck.toml`.
    Discover,
    /// One file for every input (`--config FILE`).
    Fixed(Arc<ConfigFile>),
    /// Built-in defaults only (`--isolated`).
    Isolated,
}

/// Finds and caches the config file and settings of each directory.
pub struct Discovery {
    source: Source,
    overrides: Overrides,
    /// Directory → nearest config file.
    dirs: Mutex<HashMap<PathBuf, Option<Arc<ConfigFile>>>>,
    /// Config file (or none) → settings and engine.
    resolved: Mutex<HashMap<Option<PathBuf>, Arc<Settled>>>,
    cli_exclude: Option<Gitignore>,
    /// The working directory, read once.
    cwd: PathBuf,
    /// The directory last asked about and its settings: the files of a
    /// walk come a directory at a time, so most look-ups are this one and
    /// need no hashing of their path.
    last: Mutex<Option<(PathBuf, Arc<Settled>)>>,
}

impl Discovery {
    pub fn new(source: Source, overrides: Overrides) -> Result<Discovery> {
        let cli_exclude = if overrides.exclude.is_empty() {
            None
        } else {
            let mut b = GitignoreBuilder::new(absolute(Path::new(".")));
            for p in &overrides.exclude {
                b.add_line(None, p).map_err(|e| {
                    Error::new(
                        ErrorKind::Usage,
                        format!("bad --exclude pattern `{p}`: {e}"),
                    )
                })?;
            }
            Some(
                b.build()
                    .map_err(|e| Error::new(ErrorKind::Usage, e.to_string()))?,
            )
        };
        Ok(Discovery {
            source,
            overrides,
            dirs: Mutex::new(HashMap::new()),
            resolved: Mutex::new(HashMap::new()),
            cli_exclude,
            cwd: absolute(Path::new(".")),
            last: Mutex::new(None),
        })
    }

    /// `path` made absolute against the working directory, `.` components
    /// dropped (no system call, unlike [`absolute`]).
    fn abs(&self, path: &Path) -> PathBuf {
        let joined;
        let p = if path.is_absolute() {
            path
        } else {
            joined = self.cwd.join(path);
            &joined
        };
        p.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect()
    }

    /// The config file that applies to a file in directory `dir`.
    pub fn config_for_dir(&self, dir: &Path) -> Result<Option<Arc<ConfigFile>>> {
        self.config_for_abs_dir(&self.abs(dir))
    }

    /// [`Discovery::config_for_dir`] for a directory made absolute by
    /// [`Discovery::abs`].
    fn config_for_abs_dir(&self, dir: &Path) -> Result<Option<Arc<ConfigFile>>> {
        match &self.source {
            Source::Isolated => return Ok(None),
            Source::Fixed(c) => return Ok(Some(c.clone())),
            Source::Discover => {}
        }
        if let Some(hit) = self.dirs.lock().unwrap_or_else(|e| e.into_inner()).get(dir) {
            return Ok(hit.clone());
        }
        let candidate = dir.join(FILE_NAME);
        let found = if candidate.is_file() {
            Some(Arc::new(ConfigFile::load(&shown(&candidate))?))
        } else {
            match dir.parent() {
                Some(parent) => self.config_for_abs_dir(parent)?,
                None => None,
            }
        };
        self.dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf(), found.clone());
        Ok(found)
    }

    /// The settings and engine for a file at `path` (a file or, for
    /// standard input, the name it is given).
    pub fn for_path(&self, path: &Path) -> Result<Arc<Settled>> {
        let abs = self.abs(path);
        if abs.is_dir() {
            self.for_abs_dir(&abs)
        } else {
            self.for_abs_dir(abs.parent().unwrap_or(&abs))
        }
    }

    /// The settings and engine for a file at `path` (which need not exist).
    pub fn for_file(&self, path: &Path) -> Result<Arc<Settled>> {
        let abs = self.abs(path);
        self.for_abs_dir(abs.parent().unwrap_or(&abs))
    }

    /// The settings and engine for the files in directory `dir`.
    pub fn for_dir(&self, dir: &Path) -> Result<Arc<Settled>> {
        self.for_abs_dir(&self.abs(dir))
    }

    /// [`Discovery::for_dir`] for a directory made absolute by
    /// [`Discovery::abs`].
    fn for_abs_dir(&self, dir: &Path) -> Result<Arc<Settled>> {
        if let Some((last, hit)) = &*self.last.lock().unwrap_or_else(|e| e.into_inner())
            && last == dir
        {
            return Ok(hit.clone());
        }
        let settled = self.settle(dir)?;
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((dir.to_path_buf(), settled.clone()));
        Ok(settled)
    }

    /// The settings and engine of `dir`, from the caches or made.
    fn settle(&self, dir: &Path) -> Result<Arc<Settled>> {
        let config = self.config_for_abs_dir(dir)?;
        let key = config.as_ref().map(|c| c.path.clone());
        if let Some(hit) = self
            .resolved
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(hit.clone());
        }
        let resolved = Resolved::new(config.as_deref(), &self.overrides)?;
        let engine = resolved.engine()?;
        let entry = Arc::new((resolved, engine));
        self.resolved
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, entry.clone());
        Ok(entry)
    }

    /// Whether `path` is excluded by `--exclude` or by the `exclude` of the
    /// config file that applies to it.
    pub fn excluded(&self, path: &Path, is_dir: bool) -> Result<bool> {
        let abs = self.abs(path);
        if let Some(m) = &self.cli_exclude
            && abs.starts_with(m.path())
            && m.matched_path_or_any_parents(&abs, is_dir).is_ignore()
        {
            return Ok(true);
        }
        let settings = if is_dir {
            self.for_abs_dir(&abs)?
        } else {
            self.for_abs_dir(abs.parent().unwrap_or(&abs))?
        };
        Ok(settings.0.excludes(&abs, is_dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile> {
        ConfigFile::parse(Path::new("dir/quotecheck.toml"), text.to_string())
    }

    #[test]
    fn a_full_config_parses() {
        let c = parse(
            "lang = \"en\"\nselect = [\"ALL\"]\nignore = [\"missing-attribution\"]\nfail-level = \"warning\"\nquote-style = \"curly\"\nexclude = [\"drafts/\"]\n[severity]\nunclosed-quote = \"warning\"\n[extra]\nreporting-verbs = [\"opined\"]\n",
        )
        .unwrap();
        let r = Resolved::new(Some(&c), &Overrides::default()).unwrap();
        assert_eq!(r.fail_level, Severity::Warning);
        assert_eq!(r.quote_style, QuoteStyle::Curly);
        assert!(
            r.selection
                .enabled(lints::find_rule("straight-quote").unwrap())
        );
        assert!(
            !r.selection
                .enabled(lints::find_rule("missing-attribution").unwrap())
        );
        assert_eq!(r.extras.reporting_verbs, vec!["opined"]);
        assert!(r.excludes(&absolute(Path::new("dir/drafts/a.md")), false));
        assert!(!r.excludes(&absolute(Path::new("dir/final/a.md")), false));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = parse("lang = \"en\"\ncolour = 1\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Config);
        assert_eq!(e.position, Some((2, 1)));
        assert!(
            e.to_string()
                .starts_with("dir/quotecheck.toml:2:1: unknown field `colour`"),
            "{e}"
        );
        let e = parse("select = [\"unclosed-quote\", \"nope\"]\n").unwrap_err();
        assert_eq!(e.position, Some((1, 29)));
        let e = parse("[severity]\nnope = \"error\"\n").unwrap_err();
        assert_eq!(e.position, Some((2, 1)));
        let e = parse("fail-level = \"fatal\"\n").unwrap_err();
        assert_eq!(e.position, Some((1, 14)));
        let e = parse("lang = \"xx\"\n").unwrap_err();
        assert_eq!(e.position, Some((1, 8)));
        let e = parse("[extra]\nverbs = []\n").unwrap_err();
        assert_eq!(e.position, Some((2, 1)));
    }

    #[test]
    fn the_documented_example_is_valid() {
        let text = include_str!("../docs/quotecheck.toml");
        let c = ConfigFile::parse(Path::new("docs/quotecheck.toml"), text.to_string()).unwrap();
        let r = Resolved::new(Some(&c), &Overrides::default()).unwrap();
        assert_eq!(r.fail_level, Severity::Warning);
        r.engine().unwrap();
    }

    #[test]
    fn command_line_wins() {
        let c = parse("select = [\"unclosed-quote\"]\nfail-level = \"error\"\n").unwrap();
        let o = Overrides {
            select: Some(vec!["mismatched-quote".into()]),
            fail_level: Some(Severity::Info),
            ..Default::default()
        };
        let r = Resolved::new(Some(&c), &o).unwrap();
        assert_eq!(r.fail_level, Severity::Info);
        assert!(
            r.selection
                .enabled(lints::find_rule("mismatched-quote").unwrap())
        );
        assert!(
            !r.selection
                .enabled(lints::find_rule("unclosed-quote").unwrap())
        );
    }
}
