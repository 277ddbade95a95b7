//! Per-token features, hashed into buckets of the weight table.
//!
//! Every token gets the same [`N_FEATURES`] templates: the word (exact and
//! lowercased with digits folded), its shape, prefixes and suffixes of one to
//! four characters, the words and shapes of two tokens on each side, a few
//! conjunctions, the gazetteer match around it, and whether the sentence is
//! capitalised like a headline. No template allocates.

use crate::gazetteer::Gazetteer;
use crate::hash::{self, Fnv};

/// Number of features of a token.
pub(crate) const N_FEATURES: usize = 37;

const BOS: u64 = 0x5eed_0000_0000_0b05;
const EOS: u64 = 0x5eed_0000_0000_0e05;

/// What the templates need of one token, hashed once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    exact: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    gaz: u8,
}

/// Reusable buffers for one sequence.
#[derive(Debug, Default)]
pub(crate) struct Sequence {
    exact: Vec<u64>,
    gaz: Vec<u8>,
    pub(crate) infos: Vec<TokenInfo>,
    /// Whether most words of the sentence are capitalised, as in headlines.
    headline: bool,
}

impl Sequence {
    /// Hashes the tokens of one sentence.
    pub(crate) fn load(&mut self, tokens: &[&str], gazetteer: &Gazetteer) {
        self.exact.clear();
        self.exact.extend(tokens.iter().map(|t| hash::exact(t)));
        gazetteer.mark(tokens, &self.exact, &mut self.gaz);
        let words = tokens.iter().filter(|t| t.chars().next().is_some_and(char::is_alphabetic)).count();
        let capitalised = tokens.iter().filter(|t| t.chars().next().is_some_and(char::is_uppercase)).count();
        self.headline = words >= 3 && capitalised * 10 >= words * 6;
        self.infos.clear();
        for (i, token) in tokens.iter().enumerate() {
            self.infos.push(token_info(token, self.exact[i], self.gaz[i]));
        }
    }

    /// Writes the buckets (below `mask + 1`) of token `i`'s features into `out`.
    pub(crate) fn features(&self, i: usize, mask: u64, out: &mut [u32; N_FEATURES]) {
        let infos = &self.infos;
        let at = |offset: isize| -> Option<&TokenInfo> { i.checked_add_signed(offset).and_then(|j| infos.get(j)) };
        let lower = |o: isize| at(o).map_or(if o < 0 { BOS } else { EOS }, |t| t.lower);
        let shape = |o: isize| at(o).map_or(if o < 0 { BOS } else { EOS }, |t| t.shape);
        let short = |o: isize| at(o).map_or(if o < 0 { BOS } else { EOS }, |t| t.short_shape);
        let gaz = |o: isize| at(o).map_or(if o < 0 { 0xfe } else { 0xff }, |t| t.gaz) as u64;
        let t = &infos[i];
        let first = u64::from(i == 0);
        let values: [u64; N_FEATURES] = [
            0,
            t.lower,
            t.exact,
            t.shape,
            hash::pair(t.short_shape, first),
            t.prefix[0],
            t.prefix[1],
            t.prefix[2],
            t.prefix[3],
            t.suffix[0],
            t.suffix[1],
            t.suffix[2],
            t.suffix[3],
            lower(-1),
            lower(-2),
            lower(1),
            lower(2),
            shape(-1),
            shape(1),
            hash::pair(hash::pair(short(-1), t.short_shape), short(1)),
            hash::pair(lower(-1), t.lower),
            hash::pair(t.lower, lower(1)),
            u64::from(t.gaz),
            hash::pair(u64::from(t.gaz), t.short_shape),
            gaz(-1),
            gaz(1),
            hash::pair(lower(-1), t.short_shape),
            hash::pair(t.short_shape, lower(1)),
            short(-2),
            short(2),
            hash::pair(lower(1), lower(2)),
            hash::pair(lower(-2), lower(-1)),
            hash::pair(t.lower, first),
            hash::pair(hash::pair(gaz(-1), u64::from(t.gaz)), gaz(1)),
            hash::pair(u64::from(t.gaz), short(1)),
            hash::pair(short(-1), u64::from(t.gaz)),
            hash::pair(hash::pair(t.short_shape, u64::from(self.headline)), 0x4ead),
        ];
        for (template, (value, slot)) in values.iter().zip(out.iter_mut()).enumerate() {
            let h =
                (value ^ (template as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
            *slot = ((h ^ (h >> 32)) & mask) as u32;
        }
    }
}

fn token_info(token: &str, exact: u64, gaz: u8) -> TokenInfo {
    let mut shape = Fnv::new();
    let mut short = Fnv::new();
    let (mut last_class, mut run) = (0u8, 0u8);
    for c in token.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if class == last_class {
            run = run.saturating_add(1);
        } else {
            last_class = class;
            run = 1;
            short.byte(class);
        }
        if run <= 2 {
            shape.byte(class);
        }
    }
    let mut info = TokenInfo { exact, shape: shape.finish(), short_shape: short.finish(), gaz, ..TokenInfo::default() };
    // The lowercased hash, noting its state after one to four characters: the prefixes.
    let mut lower = Fnv::new();
    let mut prefixes = [0u64; 4];
    let mut n = 0;
    for c in token.chars() {
        lower.char_folded(c);
        if n < 4 {
            prefixes[n] = lower.finish();
            n += 1;
        }
    }
    info.lower = lower.finish();
    for prefix in prefixes.iter_mut().skip(n) {
        *prefix = info.lower;
    }
    let mut starts = [0usize; 4];
    for (k, (i, _)) in token.char_indices().rev().take(4).enumerate() {
        starts[k] = i;
    }
    for k in 0..4 {
        info.prefix[k] = hash::pair(prefixes[k], 1 + k as u64);
        info.suffix[k] = hash::pair(hash::folded(&token[starts[k]..]), 11 + k as u64);
    }
    info
}
