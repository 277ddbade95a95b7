//! Training: an averaged structured perceptron over CoNLL sentences.
//!
//! Deterministic: sentences are visited in an order fixed by the seed, weights
//! are summed in `f32` in that order, and the averaged weights are quantised to
//! `i16` with one scale, so the same files give the same model bytes.

use crate::conll::Sentence;
use crate::features::{N_FEATURES, Sequence};
use crate::gazetteer::Gazetteer;
use crate::model::{Model, viterbi};
use crate::tag::{N_TAGS, Tag};

/// Settings of a training run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: u32,
    /// The weight table has `2^bits` buckets.
    pub bits: u32,
    /// Seed of the sentence order.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self { epochs: 12, bits: 19, seed: 0x6d6f_7267_7565 }
    }
}

struct Perceptron {
    weights: Vec<f32>,
    /// Sum of each update times the step it was made at, for averaging.
    stamped: Vec<f32>,
    transitions: Vec<f32>,
    transitions_stamped: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn update(&mut self, bucket: u32, tag: usize, delta: f32) {
        let i = bucket as usize * N_TAGS + tag;
        self.weights[i] += delta;
        self.stamped[i] += delta * self.step;
    }

    fn update_transition(&mut self, prev: Option<Tag>, tag: Tag, delta: f32) {
        let i = prev.map_or(N_TAGS, Tag::index) * N_TAGS + tag.index();
        self.transitions[i] += delta;
        self.transitions_stamped[i] += delta * self.step;
    }
}

/// Trains a model on `sentences` (gold tags), with place names from `gazetteer`.
pub(crate) fn train(sentences: &[Sentence], gazetteer: &Gazetteer, options: TrainOptions) -> Model {
    let size = (1usize << options.bits) * N_TAGS;
    let mut p = Perceptron {
        weights: vec![0.0; size],
        stamped: vec![0.0; size],
        transitions: vec![0.0; (N_TAGS + 1) * N_TAGS],
        transitions_stamped: vec![0.0; (N_TAGS + 1) * N_TAGS],
        step: 1.0,
    };
    let mask = (1u64 << options.bits) - 1;
    // Features do not depend on the weights: hash them once.
    let features: Vec<Vec<[u32; N_FEATURES]>> = sentences
        .iter()
        .map(|s| {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut seq = Sequence::default();
            seq.load(&tokens, gazetteer);
            (0..tokens.len())
                .map(|i| {
                    let mut b = [0u32; N_FEATURES];
                    seq.features(i, mask, &mut b);
                    b
                })
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = options.seed | 1;
    let (mut scores, mut back, mut predicted) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..options.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &s in &order {
            let gold = &sentences[s].tags;
            let feats = &features[s];
            scores.clear();
            for buckets in feats {
                let mut score = [0f32; N_TAGS];
                for &b in buckets {
                    let row = &p.weights[b as usize * N_TAGS..][..N_TAGS];
                    for (acc, &w) in score.iter_mut().zip(row) {
                        *acc += w;
                    }
                }
                scores.push(score);
            }
            viterbi(&scores, &p.transitions, &mut back, &mut predicted);
            if predicted != *gold {
                for (i, buckets) in feats.iter().enumerate() {
                    let (g, q) = (gold[i], predicted[i]);
                    if g != q {
                        for &b in buckets {
                            p.update(b, g.index(), 1.0);
                            p.update(b, q.index(), -1.0);
                        }
                    }
                    let (gp, qp) = if i == 0 { (None, None) } else { (Some(gold[i - 1]), Some(predicted[i - 1])) };
                    if (gp, g) != (qp, q) {
                        p.update_transition(gp, g, 1.0);
                        p.update_transition(qp, q, -1.0);
                    }
                }
            }
            p.step += 1.0;
        }
    }
    quantise(&p, options.bits)
}

/// The averaged weights, scaled so the largest is near `i16::MAX / 2`.
fn quantise(p: &Perceptron, bits: u32) -> Model {
    let average = |w: f32, s: f32| w - s / p.step;
    let max = p.weights.iter().zip(&p.stamped).map(|(&w, &s)| average(w, s).abs()).fold(0.0f32, f32::max).max(1e-6);
    let scale = 16_000.0 / max;
    let weights = p.weights.iter().zip(&p.stamped).map(|(&w, &s)| (average(w, s) * scale).round() as i16).collect();
    let transitions = p
        .transitions
        .iter()
        .zip(&p.transitions_stamped)
        .map(|(&w, &s)| (average(w, s) * scale).round() as i32)
        .collect();
    Model::new(bits, weights, transitions)
}
