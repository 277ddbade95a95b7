//! The tagger: hashed feature weights, tag transitions and Viterbi decoding.

use crate::Result;
use crate::features::{N_FEATURES, Sequence};
use crate::gazetteer::Gazetteer;
use crate::tag::{N_TAGS, Tag};

mod file;

/// A trained tagger: per-bucket weights of each tag, quantised to `i16`, and
/// tag-to-tag transition weights (the row after the last tag is the sentence start).
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) bits: u32,
    pub(crate) weights: Vec<i16>,
    pub(crate) transitions: Vec<i32>,
    transitions_wide: Vec<i64>,
}

/// Reusable buffers of a tagging call.
#[derive(Debug, Default)]
pub struct Scratch {
    pub(crate) sequence: Sequence,
    scores: Vec<[i64; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
}

impl Model {
    pub(crate) fn new(bits: u32, weights: Vec<i16>, transitions: Vec<i32>) -> Self {
        let transitions_wide = transitions.iter().map(|&t| i64::from(t)).collect();
        Self { bits, weights, transitions, transitions_wide }
    }

    /// Reads a model file (`MNERv02`: the non-zero weights, varint-coded, and
    /// a checksum), checking every count and index against the bytes given.
    ///
    /// # Errors
    ///
    /// [`Error::BadModel`](crate::Error::BadModel) if the bytes are not a model of this version, or are
    /// truncated or damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        file::decode(bytes)
    }

    /// Writes the model file; [`Model::from_bytes`] reads it back unchanged,
    /// and a model has exactly one file.
    pub fn to_bytes(&self) -> Vec<u8> {
        file::encode(self)
    }

    /// Tags one sentence, writing one tag per token into `out`.
    pub(crate) fn tag(&self, tokens: &[&str], gazetteer: &Gazetteer, scratch: &mut Scratch, out: &mut Vec<Tag>) {
        out.clear();
        if tokens.is_empty() {
            return;
        }
        scratch.sequence.load(tokens, gazetteer);
        let mask = (1u64 << self.bits) - 1;
        scratch.scores.clear();
        let mut buckets = [0u32; N_FEATURES];
        for i in 0..tokens.len() {
            scratch.sequence.features(i, mask, &mut buckets);
            let mut score = [0i32; N_TAGS];
            for &b in &buckets {
                let start = b as usize * N_TAGS;
                if let Some(row) = self.weights.get(start..start + N_TAGS) {
                    for t in 0..N_TAGS {
                        score[t] += i32::from(row[t]);
                    }
                }
            }
            scratch.scores.push(score.map(i64::from));
        }
        viterbi(&scratch.scores, &self.transitions_wide, &mut scratch.back, out);
    }
}

/// Best tag sequence under emission `scores` and `transitions`, obeying BIO.
pub(crate) fn viterbi<S>(scores: &[[S; N_TAGS]], transitions: &[S], back: &mut Vec<[u8; N_TAGS]>, out: &mut Vec<Tag>)
where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + Bounded,
{
    out.clear();
    back.clear();
    let Some(first) = scores.first() else { return };
    let mut best = [S::MIN; N_TAGS];
    for t in 0..N_TAGS {
        if Tag::from_index(t).may_follow(None) {
            best[t] = first[t] + transitions[N_TAGS * N_TAGS + t];
        }
    }
    back.push([0; N_TAGS]);
    for score in &scores[1..] {
        let mut next = [S::MIN; N_TAGS];
        let mut from = [0u8; N_TAGS];
        for t in 0..N_TAGS {
            // O is always a possible previous tag, and every tag may follow O or B-X/I-X of its own type.
            let mut top = S::MIN;
            let mut arg = 0u8;
            for &p in PREVIOUS[t] {
                let p = usize::from(p);
                if best[p] == S::MIN {
                    continue;
                }
                let s = best[p] + transitions[p * N_TAGS + t];
                if top == S::MIN || s > top {
                    top = s;
                    arg = p as u8;
                }
            }
            if top != S::MIN {
                next[t] = top + score[t];
                from[t] = arg;
            }
        }
        best = next;
        back.push(from);
    }
    let mut last = 0;
    for t in 1..N_TAGS {
        if best[t] != S::MIN && (best[last] == S::MIN || best[t] > best[last]) {
            last = t;
        }
    }
    out.resize(scores.len(), Tag::O);
    for i in (0..scores.len()).rev() {
        out[i] = Tag::from_index(last);
        last = usize::from(back[i][last]);
    }
}

/// For each tag, the tags that may precede it (BIO): every tag before `O` and
/// `B-X`; only `B-X` and `I-X` before `I-X`.
const PREVIOUS: [&[u8]; N_TAGS] = [
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[1, 2],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[3, 4],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[5, 6],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[7, 8],
];

/// A score type with a "no path" value.
pub(crate) trait Bounded {
    const MIN: Self;
}

impl Bounded for i64 {
    const MIN: Self = i64::MIN;
}

impl Bounded for f32 {
    const MIN: Self = f32::MIN;
}
