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
    out.push_str(",\"speaker\":");
    push_opt_str(out, q.speaker.as_deref());
    out.push_str(",\"speaker_start\":");
    push_opt_u32(out, q.speaker_start);
    out.push_str(",\"speaker_end\":");
    push_opt_u32(out, q.speaker_end);
    out.push_str(",\"kind\":");
    push_static(out, q.kind);
    out.push_str(",\"quote_kind\":");
    push_static(out, q.quote_kind.as_str());
    out.push_str(",\"resolved\":");
    push_opt_str(out, q.resolved.as_deref());
    out.push_str(",\"method\":");
    push_opt_static(out, q.method);
    out.push_str(",\"confidence\":");
    push_opt_static(out, q.confidence);
    out.push_str(",\"cue\":");
    push_opt_str(out, q.cue.as_deref());
    out.push('}');
}

fn push_claim<S: std::ops::Deref<Target = str>>(out: &mut String, c: &ClaimRecord<S>) {
    out.push_str("{\"start\":");
    push_u32(out, c.start);
    out.push_str(",\"end\":");
    push_u32(out, c.end);
    out.push_str(",\"source\":");
    push_opt_str(out, c.source.as_deref());
    out.push_str(",\"source_start\":");
    push_opt_u32(out, c.source_start);
    out.push_str(",\"source_end\":");
    push_opt_u32(out, c.source_end);
    out.push_str(",\"cue\":");
    push_opt_str(out, c.cue.as_deref());
    out.push_str(",\"cue_start\":");
    push_opt_u32(out, c.cue_start);
    out.push_str(",\"cue_end\":");
    push_opt_u32(out, c.cue_end);
    out.push_str(",\"direct\":");
    out.push_str(if c.direct { "true" } else { "false" });
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
    out.push_str(",\"resolved\":");
    push_opt_str(out, c.resolved.as_deref());
    out.push('}');
}

fn push_u32(out: &mut String, n: u32) {
    out.push_str(itoa::Buffer::new().format(n));
}

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

fn push_opt_static(out: &mut String, s: Option<&'static str>) {
    match s {
        Some(s) => push_static(out, s),
        None => out.push_str("null"),
    }
}

fn push_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.push_str("null"),
    }
}

/// Whether some byte is a control character, `"` or `\\`, eight bytes at
/// a time: `(x - n·1) & !x & 0x80·1` is non-zero exactly when some byte of
/// `x` is below `n` (for `n <= 0x80`), and `x = w ^ b·1` has a zero byte
/// where `w` has `b`.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        if below(w, 0x20)
            || below(w ^ (ONES * u64::from(b'"')), 1)
            || below(w ^ (ONES * u64::from(b'\\')), 1)
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: `"` and `\`,
/// the short forms `\b \t \n \f \r`, other control characters as `\u00XX`
/// (lower-case hex); everything else as it is.
fn push_str(out: &mut String, s: &str) {
    out.push('"');
    // Almost no string needs an escape: copy those whole.
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
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

    #[test]
    fn needs_escape_agrees_with_a_byte_scan() {
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
