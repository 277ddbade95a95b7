//! Near-duplicate detection: wire copy republished by several sites.
//!
//! Each article's body becomes a MinHash signature over its word 5-grams
//! (shingles). Signatures are cut into bands; articles sharing a band are
//! candidates, and a candidate whose signatures agree on at least
//! [`SAME_STORY`] of their positions (an estimate of the Jaccard similarity of
//! the shingle sets) is the same story. Same-story articles share a cluster
//! label, which search uses to collapse them into one hit.
//!
//! With 16 bands of 4 rows, two copies with Jaccard similarity 0.7 are
//! candidates with probability 0.99, two unrelated texts at 0.3 with 0.12 (and
//! are then told apart by the full signature).

/// Number of hash functions in a signature.
pub(crate) const SIGNATURE_LEN: usize = 64;
/// Rows of the signature per band.
const ROWS: usize = 4;
/// Share of agreeing signature positions from which two articles are one story.
pub(crate) const SAME_STORY: f64 = 0.7;
/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// Bodies with fewer words are never duplicates of anything (too little to tell).
const MIN_WORDS: usize = 40;

/// A MinHash signature of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Signature(pub(crate) Vec<u32>);

impl Signature {
    /// Returns the signature of `body`, or `None` if it is too short to compare.
    pub(crate) fn of(body: &str) -> Option<Self> {
        let words: Vec<String> =
            body.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut mins = vec![u32::MAX; SIGNATURE_LEN];
        for shingle in words.windows(SHINGLE_WORDS) {
            let base = fnv1a(shingle);
            for (i, min) in mins.iter_mut().enumerate() {
                let hashed = mix(base ^ SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1));
                *min = (*min).min((hashed >> 32) as u32);
            }
        }
        Some(Self(mins))
    }

    /// Returns the signature's band keys, the terms that find candidates.
    pub(crate) fn band_keys(&self) -> Vec<String> {
        self.0
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let hash = rows.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &v| mix(h ^ u64::from(v)));
                format!("{band:02}{hash:016x}")
            })
            .collect()
    }

    /// Returns the share of positions where both signatures agree.
    pub(crate) fn similarity(&self, other: &Self) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / SIGNATURE_LEN as f64
    }

    /// Returns the signature as bytes, for storage.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads a signature stored by [`Signature::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        (bytes.len() == SIGNATURE_LEN * 4)
            .then(|| Self(bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()))
    }
}

const SEEDS: [u64; 4] = [0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5];

/// FNV-1a over the words of a shingle, with a separator between words.
fn fnv1a(words: &[String]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for word in words {
        for byte in word.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The splitmix64 finaliser: a cheap, well-spread bijection on u64.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The central bank raised its main interest rate by half a percentage point on Thursday, \
        the largest increase in two decades, as policymakers moved to tame inflation that has climbed to its \
        highest level since the early nineties. The governor said further increases were likely in the coming \
        months if price pressures did not ease, and warned that the economy would slow.";

    #[test]
    fn a_republished_copy_is_the_same_story_and_another_story_is_not() {
        let original = Signature::of(STORY).expect("long enough");
        let copy =
            Signature::of(&format!("WASHINGTON (Reuters) - {STORY} Reporting by Jane Doe.")).expect("long enough");
        // The same event told by another newsroom in its own words.
        let other = Signature::of(
            "Policymakers at the central bank lifted borrowing costs by fifty basis points on Thursday in their \
             sharpest move in twenty years. Inflation, now at a three-decade high, left them little choice, the \
             governor told reporters, adding that more hikes could follow this year while growth slows.",
        )
        .expect("long enough");
        let unrelated = Signature::of(&"Farmers in the valley celebrated a record harvest this autumn with music, dancing and a long parade through the old town, where stalls sold bread, cheese, apples and wine from the hills around the river.".repeat(2)).expect("long enough");
        assert!(original.similarity(&copy) >= SAME_STORY, "{}", original.similarity(&copy));
        assert!(original.similarity(&unrelated) < 0.1);
        assert!(original.similarity(&other) < SAME_STORY, "{}", original.similarity(&other));
        assert!(original.band_keys().iter().any(|k| copy.band_keys().contains(k)));
        assert_eq!(Signature::from_bytes(&original.to_bytes()), Some(original));
    }

    #[test]
    fn short_bodies_have_no_signature() {
        assert_eq!(Signature::of("Too short to tell."), None);
    }
}
