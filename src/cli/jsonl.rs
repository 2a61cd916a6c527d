//! The `--jsonl` output line, written straight into a `String`.
//!
//! `serde_json` escapes every field name and goes through its serializer
//! state machine for every value; a record has a fixed shape, so we write
//! the names as literals and escape only the strings taken from the text.
//! The output is byte for byte what `serde_json::to_string` gives for the
//! same records (tested below).

use quotecheck::extract::{ClaimRecord, QuoteRecord};
use serde_json::Value;

/// `{"id":…,"quotes":[…],"claims":[…]}`, without a newline, appended to
/// `out` (a buffer kept from record to record).
pub fn record_into<S: std::ops::Deref<Target = str>>(
    out: &mut String,
    id: &Value,
    quotes: &[QuoteRecord<S>],
    claims: &[ClaimRecord<S>],
) {
    out.reserve(64 + 320 * (quotes.len() + claims.len()));
    out.push_str("{\"id\":");
    match id {
        Value::Null => out.push_str("null"),
        Value::String(s) => push_str(out, s),
        other => out.push_str(&serde_json::to_string(other).expect("a JSON value serialises")),
    }
    out.push_str(",\"quotes\":[");
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_quote(out, q);
    }
    out.push_str("],\"claims\":[");
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_claim(out, c);
    }
    out.push_str("]}");
}

fn push_quote<S: std::ops::Deref<Target = str>>(out: &mut String, q: &QuoteRecord<S>) {
    out.push_str("{\"start\":");
    push_u32(out, q.start);
    out.push_str(",\"end\":");
    push_u32(out, q.end);
    push_opt_str_field(out, ",\"speaker\":\"", q.speaker.as_deref());
    out.push_str(",\"speaker_start\":");
    push_opt_u32(out, q.speaker_start);
    out.push_str(",\"speaker_end\":");
    push_opt_u32(out, q.speaker_end);
    // Names of the program's own (see `push_static`), their quotes written
    // with the literals around them.
    let quote_kind = q.quote_kind.as_str();
    debug_assert!(!needs_escape(q.kind.as_bytes()) && !needs_escape(quote_kind.as_bytes()));
    out.push_str(",\"kind\":\"");
    out.push_str(q.kind);
    out.push_str("\",\"quote_kind\":\"");
    out.push_str(quote_kind);
    push_opt_str_field(out, "\",\"resolved\":\"", q.resolved.as_deref());
    out.push_str(",\"method\":");
    push_opt_static(out, q.method);
    out.push_str(",\"confidence\":");
    push_opt_static(out, q.confidence);
    push_opt_str_field(out, ",\"cue\":\"", q.cue.as_deref());
    out.push('}');
}

fn push_claim<S: std::ops::Deref<Target = str>>(out: &mut String, c: &ClaimRecord<S>) {
    out.push_str("{\"start\":");
    push_u32(out, c.start);
    out.push_str(",\"end\":");
    push_u32(out, c.end);
    push_opt_str_field(out, ",\"source\":\"", c.source.as_deref());
    out.push_str(",\"source_start\":");
    push_opt_u32(out, c.source_start);
    out.push_str(",\"source_end\":");
    push_opt_u32(out, c.source_end);
    push_opt_str_field(out, ",\"cue\":\"", c.cue.as_deref());
    out.push_str(",\"cue_start\":");
    push_opt_u32(out, c.cue_start);
    out.push_str(",\"cue_end\":");
    push_opt_u32(out, c.cue_end);
    // (Each literal whole: its length known, it is copied inline.)
    if c.direct {
        out.push_str(",\"direct\":true");
    } else {
        out.push_str(",\"direct\":false");
    }
    if !c.content_fragments.is_empty() {
        out.push_str(",\"content_fragments\":[");
        for (i, [a, b]) in c.content_fragments.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            push_u32(out, *a);
            out.push(',');
            push_u32(out, *b);
            out.push(']');
        }
        out.push(']');
    }
    push_opt_str_field(out, ",\"resolved\":\"", c.resolved.as_deref());
    out.push('}');
}

/// The `id` and `text` of an input line of the usual shape: one object
/// holding a string `text` and, optionally, an `id` that is a string or
/// `null`, in either order, and nothing else. Read without `serde_json`'s
/// machinery: `memchr` finds the end of the text and its escapes, and the
/// text is borrowed from the line when it has none. `None` for any other
/// line (other keys or values, a duplicate key, a surrogate escape, a
/// control character, bad UTF-8, an error of any kind): `serde_json` reads
/// those, so what it accepts and the errors it reports stay its own.
pub fn read_usual(line: &[u8]) -> Option<(Value, std::borrow::Cow<'_, str>)> {
    let ws = |i: &mut usize| {
        while line
            .get(*i)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            *i += 1;
        }
    };
    let mut i = 0;
    ws(&mut i);
    (line.get(i) == Some(&b'{')).then_some(())?;
    i += 1;
    let (mut id, mut text) = (None, None);
    loop {
        ws(&mut i);
        (line.get(i) == Some(&b'"')).then_some(())?;
        let key_end = i + 1 + memchr::memchr2(b'"', b'\\', &line[i + 1..])?;
        let key = &line[i + 1..key_end];
        i = key_end + 1;
        ws(&mut i);
        (line.get(i) == Some(&b':')).then_some(())?;
        i += 1;
        ws(&mut i);
        match key {
            b"text" if text.is_none() => {
                (line.get(i) == Some(&b'"')).then_some(())?;
                i += 1;
                text = Some(read_string(line, &mut i)?);
            }
            b"id" if id.is_none() => match line.get(i) {
                Some(b'"') => {
                    i += 1;
                    id = Some(Value::String(read_string(line, &mut i)?.into_owned()));
                }
                Some(b'n') if line[i..].starts_with(b"null") => {
                    i += 4;
                    id = Some(Value::Null);
                }
                _ => return None,
            },
            _ => return None,
        }
        ws(&mut i);
        match line.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => {
                i += 1;
                break;
            }
            _ => return None,
        }
    }
    ws(&mut i);
    (i == line.len()).then_some(())?;
    Some((id.unwrap_or(Value::Null), text?))
}

/// The JSON string from byte `*i` (after its opening quote) to its closing
/// quote, decoded; `*i` is left after the closing quote. `None` for what
/// [`read_usual`] leaves to `serde_json`.
fn read_string<'a>(line: &'a [u8], i: &mut usize) -> Option<std::borrow::Cow<'a, str>> {
    let start = *i;
    let mut from = start;
    let mut decoded: Option<Vec<u8>> = None;
    loop {
        let at = from + memchr::memchr2(b'"', b'\\', &line[from..])?;
        if line[at] == b'"' {
            // JSON allows no control character unescaped: tested once, over
            // the whole string as written (an escape holds none: one that
            // would is refused where it is read, below).
            if has_control(&line[start..at]) {
                return None;
            }
            *i = at + 1;
            return match decoded {
                None => std::str::from_utf8(&line[start..at])
                    .ok()
                    .map(std::borrow::Cow::Borrowed),
                Some(mut d) => {
                    d.extend_from_slice(&line[from..at]);
                    String::from_utf8(d).ok().map(std::borrow::Cow::Owned)
                }
            };
        }
        let d = decoded.get_or_insert_with(|| Vec::with_capacity(line.len() - start));
        d.extend_from_slice(&line[from..at]);
        // Escapes often come in runs (`\n\n` between paragraphs): those
        // after the first are read here, without a search for them.
        from = unescape(line, at, d)?;
        while line.get(from) == Some(&b'\\') {
            from = unescape(line, from, d)?;
        }
    }
}

/// The escape at `line[at]` (a backslash), decoded onto `d`; the position
/// after it. `None` for what [`read_usual`] leaves to `serde_json`.
/// Inlined: most escapes are a `\n`, cheaper to decode than to call for.
#[inline(always)]
fn unescape(line: &[u8], at: usize, d: &mut Vec<u8>) -> Option<usize> {
    let short = match *line.get(at + 1)? {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'b' => 0x08,
        b'f' => 0x0C,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'u' => return unescape_hex(line, at, d),
        _ => return None,
    };
    d.push(short);
    Some(at + 2)
}

/// [`unescape`] for a `\uXXXX` escape, out of line.
#[inline(never)]
fn unescape_hex(line: &[u8], at: usize, d: &mut Vec<u8>) -> Option<usize> {
    let hex = line.get(at + 2..at + 6)?;
    let mut n = 0u32;
    for &h in hex {
        n = n * 16 + char::from(h).to_digit(16)?;
    }
    // A surrogate (paired or not) is `serde_json`'s to read.
    let c = char::from_u32(n)?;
    d.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    Some(at + 6)
}

/// Whether some byte is below `0x20`: the least byte of all, with no early
/// exit (a control character is an error, not to be expected), so the test
/// runs on vectors.
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |least, &b| least.min(b)) < 0x20
}

fn push_u32(out: &mut String, n: u32) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[inline(always)]
fn push_opt_u32(out: &mut String, n: Option<u32>) {
    match n {
        Some(n) => push_u32(out, n),
        None => out.push_str("null"),
    }
}

/// A name of the program's own (`direct`, `as-written`, `high`): letters
/// and hyphens, nothing to escape.
fn push_static(out: &mut String, s: &'static str) {
    debug_assert!(!needs_escape(s.as_bytes()));
    out.push('"');
    out.push_str(s);
    out.push('"');
}

#[inline(always)]
fn push_opt_static(out: &mut String, s: Option<&'static str>) {
    match s {
        Some(s) => push_static(out, s),
        None => out.push_str("null"),
    }
}

/// A field holding a string or `null`, after `key`: the literal before
/// the value and the string's opening quote (`,"name":"`), so that the
/// two are one copy.
#[inline(always)]
fn push_opt_str_field(out: &mut String, key: &str, s: Option<&str>) {
    debug_assert!(key.ends_with("\":\""));
    let before = &key[..key.len() - 1];
    match s {
        Some(s) if !needs_escape(s.as_bytes()) => {
            out.push_str(key);
            out.push_str(s);
            out.push('"');
        }
        Some(s) => {
            out.push_str(before);
            push_escaped(out, s);
        }
        None => {
            out.push_str(before);
            out.push_str("null");
        }
    }
}

/// Whether some byte is a control character, `"` or `\\`, eight bytes at
/// a time: `(x - n·1) & !x & 0x80·1` is non-zero exactly when some byte of
/// `x` is below `n` (for `n <= 0x80`), and `x = w ^ b·1` has a zero byte
/// where `w` has `b`. The strings are short (a name, a cue word), so there
/// is no byte-by-byte tail: the last word overlaps the one before it, and
/// a string of fewer than eight bytes is read as two overlapping halves
/// (four bytes, or two, or one), which between them hold every byte.
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            if word_needs_escape(word(at)) {
                return true;
            }
            at += 8;
        }
        return word_needs_escape(word(n - 8));
    }
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            bytes[at..at + 4].try_into().expect("four bytes"),
        ))
    };
    let u16_at = |at: usize| {
        u64::from(u16::from_le_bytes(
            bytes[at..at + 2].try_into().expect("two bytes"),
        ))
    };
    // (The bytes a short string leaves free hold `a`.)
    const FREE: u64 = b'a' as u64 * 0x0101_0101_0101_0101;
    let w = match n {
        4.. => u32_at(0) | (u32_at(n - 4) << 32),
        2.. => u16_at(0) | (u16_at(n - 2) << 16) | (FREE << 32),
        1 => u64::from(bytes[0]) | (FREE << 8),
        0 => return false,
    };
    word_needs_escape(w)
}

/// [`needs_escape`] for the eight bytes of `w`.
fn word_needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    (below(w, 0x20)
        | below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1))
        & HIGH
        != 0
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: `"` and `\`,
/// the short forms `\b \t \n \f \r`, other control characters as `\u00XX`
/// (lower-case hex); everything else as it is. Inlined where it is used
/// (the escaping proper is not), as a call costs a good part of the work.
#[inline(always)]
fn push_str(out: &mut String, s: &str) {
    // Almost no string needs an escape: copy those whole.
    if needs_escape(s.as_bytes()) {
        return push_escaped(out, s);
    }
    out.push('"');
    out.push_str(s);
    out.push('"');
}

/// [`push_str`] for a string that holds something to escape: kept out of
/// line, so that the usual case needs few registers.
#[cold]
#[inline(never)]
fn push_escaped(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xF)] as char);
        } else {
            out.push_str(short);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json` reads from a line, as `read_usual` gives it.
    fn by_serde(line: &[u8]) -> Option<(Value, String)> {
        #[derive(serde::Deserialize)]
        struct In {
            #[serde(default)]
            id: Value,
            text: Option<Value>,
        }
        let v: In = serde_json::from_slice(line).ok()?;
        match v.text {
            Some(Value::String(t)) => Some((v.id, t)),
            _ => None,
        }
    }

    #[test]
    fn has_control_agrees_with_a_byte_scan() {
        for b in 0..=255u8 {
            for len in 1..70 {
                for at in [0, len / 2, len - 1] {
                    let mut v = vec![b'm'; len];
                    v[at] = b;
                    assert_eq!(has_control(&v), b < 0x20, "{b} {len} {at}");
                }
            }
        }
    }

    #[test]
    fn read_usual_reads_what_serde_reads_or_leaves_it() {
        let lines: &[&[u8]] = &[
            br#"{"id": "0", "text": "plain"}"#,
            b"{\"id\": \"0\", \"text\": \"a\\nb \\\"q\\\" \\\\ \\/ \\t\\r\\b\\f\"}\n",
            br#"{"text": "x \u00e9 \u2019 \u0000 \u00E9", "id": null}"#,
            br#"  {"text":"no id"}  "#,
            "{\"id\": \"é\", \"text\": \"Council’s “noise” rule\"}\r\n".as_bytes(),
            br#"{"id": 3, "text": "number id"}"#,
            br#"{"id": "a", "text": "t", "other": 1}"#,
            br#"{"id": "a", "text": "t", "text": "u"}"#,
            br#"{"id": "a", "text": "\ud83d\ude00 pair"}"#,
            br#"{"id": "a", "text": "\ud83d lone"}"#,
            br#"{"id": "a", "text": "bad \x escape"}"#,
            br#"{"id": "a", "text": "unterminated}"#,
            b"{\"id\": \"a\", \"text\": \"raw \x01 control\"}",
            b"{\"id\": \"a\", \"text\": \"bad \xff utf-8\"}",
            br#"{"id": "a", "text": "t"} trailing"#,
            br#"{"id": "a", "text": "t",}"#,
            br#"{"t\u0065xt": "escaped key"}"#,
            br#"{"id": "a"}"#,
            br#"{"text": 1}"#,
            br#"[1, 2]"#,
            br#"{"id": "\u12"}"#,
            br#"{"id": nul, "text": "t"}"#,
            br#"{}"#,
            b"",
        ];
        for line in lines {
            if let Some((id, text)) = read_usual(line) {
                assert_eq!(
                    by_serde(line),
                    Some((id, text.into_owned())),
                    "{}",
                    String::from_utf8_lossy(line)
                );
            }
        }
        // The usual lines are read here, not left to serde.
        for line in &lines[..5] {
            assert!(
                read_usual(line).is_some(),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        assert!(matches!(
            read_usual(br#"{"id": "0", "text": "plain"}"#),
            Some((_, std::borrow::Cow::Borrowed("plain")))
        ));
    }

    #[test]
    fn push_u32_agrees_with_to_string() {
        let mut out = String::from("kept");
        let mut want = String::from("kept");
        let mut n = 1u32;
        let mut numbers = vec![0, 9, 10, 99, 100, 101, 999, 1000, 10_000, u32::MAX];
        while n < u32::MAX / 7 {
            numbers.extend([n - 1, n, n + 1, n * 7]);
            n *= 10;
        }
        for n in numbers.into_iter().chain(0..2000) {
            push_u32(&mut out, n);
            out.push(',');
            want.push_str(&format!("{n},"));
        }
        assert_eq!(out, want);
    }

    #[test]
    fn needs_escape_agrees_with_a_byte_scan() {
        assert!(!needs_escape(b""));
        for b in 0..=255u8 {
            for len in 1..20 {
                for at in 0..len {
                    let mut v = vec![b'm'; len];
                    v[at] = b;
                    let want = v.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
                    assert_eq!(needs_escape(&v), want, "{v:?}");
                }
            }
        }
    }
    use quotecheck::quotes::QuoteKind;

    #[derive(serde::Serialize)]
    struct Reference<'a> {
        id: &'a Value,
        quotes: &'a [QuoteRecord],
        claims: &'a [ClaimRecord],
    }

    fn tricky() -> Vec<String> {
        let mut v: Vec<String> = (0u8..0x80).map(|b| format!("a{}b", b as char)).collect();
        v.extend(
            [
                "",
                "“Yes,” he said",
                "back\\slash \"q\" \u{7f} \u{2028} é 東京",
                "\n\r\t",
            ]
            .map(String::from),
        );
        v
    }

    #[test]
    fn records_match_serde_json() {
        let strings = tricky();
        let mut quotes = Vec::new();
        let mut claims = Vec::new();
        for (i, s) in strings.iter().enumerate() {
            let some = i % 3 != 0;
            let n = i as u32 * 7919;
            quotes.push(QuoteRecord {
                start: n,
                end: n + 1,
                speaker: some.then(|| s.clone()),
                speaker_start: some.then_some(n),
                speaker_end: some.then_some(u32::MAX),
                kind: if some { "direct" } else { "partial" },
                quote_kind: [
                    QuoteKind::Full,
                    QuoteKind::Fragment,
                    QuoteKind::Scare,
                    QuoteKind::Title,
                    QuoteKind::Continued,
                ][i % 5],
                resolved: (i % 2 == 0).then(|| s.clone()),
                method: some.then_some("as-written"),
                confidence: (i % 4 == 0).then_some("high"),
                cue: some.then(|| s.clone()),
            });
            claims.push(ClaimRecord {
                start: 0,
                end: n,
                source: some.then(|| s.clone()),
                source_start: some.then_some(n),
                source_end: some.then_some(n + 3),
                cue: (i % 2 == 1).then(|| s.clone()),
                cue_start: (i % 2 == 1).then_some(1),
                cue_end: (i % 2 == 1).then_some(10),
                direct: i % 2 == 0,
                content_fragments: (0..i % 3).map(|k| [k as u32, n]).collect(),
                resolved: some.then(|| s.clone()),
            });
        }
        let ids = [
            Value::Null,
            Value::from("id \"7\"\n"),
            Value::from(42),
            serde_json::json!({"a": [1, 2.5, "x"]}),
        ];
        for id in &ids {
            for (q, c) in [(0, 0), (1, 0), (0, 1), (quotes.len(), claims.len())] {
                let want = serde_json::to_string(&Reference {
                    id,
                    quotes: &quotes[..q],
                    claims: &claims[..c],
                })
                .unwrap();
                let mut got = String::from("kept");
                record_into(&mut got, id, &quotes[..q], &claims[..c]);
                assert_eq!(got, format!("kept{want}"));
            }
        }
    }
}
