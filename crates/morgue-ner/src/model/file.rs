//! The model file: a header, the transitions, then only the buckets that hold
//! a non-zero weight, varint-coded, and a checksum.
//!
//! 88.5 % of a trained model's weights are zero and 70 % of its buckets hold no
//! weight at all, so the file stores, for each bucket with a weight, the number
//! of empty buckets since the previous one, a mask of its non-zero tags and
//! those weights as zigzag varints: 1.5 MB instead of the dense table's 9.4 MB.
//! Every encoding is canonical (no empty row, no zero weight, no over-long
//! varint), so a model has exactly one file and the trainer's output can be
//! compared byte for byte. Reading checks the checksum, then every count, mask
//! and bucket index against the bytes present: a damaged or hostile file is
//! [`Error::BadModel`], never a panic, and the one large allocation is the
//! weight table the header declares, at most 2^24 × 9 `i16` (302 MB).
//!
//! Layout, integers little-endian:
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `MNERv02\n` |
//! | 4 | `bits`: the table has 2^bits buckets, 10 to 24 |
//! | 4 | tags per bucket, 9 |
//! | 10 × 9 × 4 | transitions, `i32` (the row after the last tag is the sentence start) |
//! | 4 | number of rows that follow |
//! | … | per bucket with a non-zero weight, in bucket order: the number of empty buckets since the previous row (varint), the mask of its non-zero tags (varint, bit `t` for tag `t`), then each of those weights (zigzag varint) in tag order |
//! | 8 | checksum of all the bytes before it (see `checksum`) |

use std::ops::RangeInclusive;

use crate::model::Model;
use crate::tag::N_TAGS;
use crate::{Error, Result};

const MAGIC: &[u8; 8] = b"MNERv02\n";

/// The table sizes a file may declare, as powers of two.
const BITS: RangeInclusive<u32> = 10..=24;

const N_TRANSITIONS: usize = (N_TAGS + 1) * N_TAGS;

const CHECKSUM_BYTES: usize = 8;

/// The fewest bytes a row takes: a gap, a mask and one weight.
const MIN_ROW_BYTES: usize = 3;

/// Why a file does not read: the reason of [`Error::BadModel`].
type Parse<T> = std::result::Result<T, &'static str>;

/// Writes `model` in the format above.
pub(crate) fn encode(model: &Model) -> Vec<u8> {
    let mut out = Vec::with_capacity(MAGIC.len() + 12 + N_TRANSITIONS * 4 + model.weights.len() / 3);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&model.bits.to_le_bytes());
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    for t in &model.transitions {
        out.extend_from_slice(&t.to_le_bytes());
    }
    let rows: Vec<(usize, &[i16])> =
        model.weights.chunks_exact(N_TAGS).enumerate().filter(|(_, row)| row.iter().any(|&w| w != 0)).collect();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut next = 0;
    for (bucket, row) in rows {
        put_varint(&mut out, (bucket - next) as u32);
        let mask = row.iter().enumerate().filter(|(_, w)| **w != 0).fold(0u32, |mask, (t, _)| mask | 1 << t);
        put_varint(&mut out, mask);
        for &w in row.iter().filter(|w| **w != 0) {
            put_varint(&mut out, u32::from(zigzag(w)));
        }
        next = bucket + 1;
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Reads a model written by [`encode`].
pub(crate) fn decode(bytes: &[u8]) -> Result<Model> {
    parse(bytes).map_err(|reason| Error::BadModel { reason })
}

fn parse(bytes: &[u8]) -> Parse<Model> {
    if !bytes.starts_with(MAGIC) {
        return Err("not a morgue-ner model of this version");
    }
    let (content, sum) = bytes.split_last_chunk::<CHECKSUM_BYTES>().ok_or("truncated file")?;
    let body = content.strip_prefix(MAGIC.as_slice()).ok_or("truncated file")?;
    if *sum != checksum(content).to_le_bytes() {
        return Err("checksum mismatch: the file is damaged");
    }
    let mut r = Reader { bytes: body };
    let bits = r.u32()?;
    let tags = r.u32()?;
    if tags as usize != N_TAGS || !BITS.contains(&bits) {
        return Err("unexpected tag count or table size");
    }
    let transitions = (0..N_TRANSITIONS).map(|_| r.u32().map(|t| t as i32)).collect::<Parse<Vec<i32>>>()?;
    let rows = r.u32()? as usize;
    let buckets = 1usize << bits;
    if rows > buckets || rows > r.bytes.len() / MIN_ROW_BYTES {
        return Err("more rows than buckets or bytes");
    }
    let mut weights = vec![0i16; buckets * N_TAGS];
    let mut next = 0usize;
    for _ in 0..rows {
        let bucket = next.saturating_add(r.varint()? as usize);
        if bucket >= buckets {
            return Err("bucket out of range");
        }
        let row = weights.get_mut(bucket * N_TAGS..(bucket + 1) * N_TAGS).ok_or("bucket out of range")?;
        let mut mask = r.varint()?;
        if mask == 0 || mask >> N_TAGS != 0 {
            return Err("bad tag mask");
        }
        while mask != 0 {
            let z = u16::try_from(r.varint()?).map_err(|_| "weight out of range")?;
            if z == 0 {
                return Err("zero weight stored");
            }
            *row.get_mut(mask.trailing_zeros() as usize).ok_or("bad tag mask")? = unzigzag(z);
            mask &= mask - 1;
        }
        next = bucket + 1;
    }
    if !r.bytes.is_empty() {
        return Err("bytes after the last row");
    }
    Ok(Model::new(bits, weights, transitions))
}

/// A 64-bit checksum of `bytes`: the FxHash step (rotate, xor, multiply by an
/// odd constant, as in rustc) over little-endian 8-byte words, the last one
/// zero-padded, then the length. Each step is a bijection of the state, so a
/// change to any one word is always caught; a word at a time keeps it at a
/// fraction of a millisecond for the shipped file.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
    let (words, tail) = bytes.as_chunks::<8>();
    let mut h = words.iter().fold(0, |h, w| step(h, u64::from_le_bytes(*w)));
    let mut last = [0u8; 8];
    last[..tail.len()].copy_from_slice(tail);
    h = step(h, u64::from_le_bytes(last));
    step(h, bytes.len() as u64)
}

fn zigzag(w: i16) -> u16 {
    ((w << 1) ^ (w >> 15)) as u16
}

fn unzigzag(z: u16) -> i16 {
    ((z >> 1) as i16) ^ -((z & 1) as i16)
}

/// Appends `value` as LEB128: seven bits a byte, low first, high bit set on all but the last.
fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The unread rest of a file; every read checks its length.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn u32(&mut self) -> Parse<u32> {
        let (head, rest) = self.bytes.split_first_chunk::<4>().ok_or("truncated header")?;
        self.bytes = rest;
        Ok(u32::from_le_bytes(*head))
    }

    /// A LEB128 `u32` in its shortest form.
    #[inline(always)]
    fn varint(&mut self) -> Parse<u32> {
        // Gaps and masks mostly take one byte, weights two: no loop for those.
        match *self.bytes {
            [b0 @ ..0x80, ref rest @ ..] => {
                self.bytes = rest;
                Ok(u32::from(b0))
            }
            [b0, b1 @ 1..0x80, ref rest @ ..] => {
                self.bytes = rest;
                Ok(u32::from(b0 & 0x7f) | u32::from(b1) << 7)
            }
            _ => self.long_varint(),
        }
    }

    #[cold]
    #[inline(never)]
    fn long_varint(&mut self) -> Parse<u32> {
        let mut value = 0u32;
        for i in 0..5 {
            let (&byte, rest) = self.bytes.split_first().ok_or("truncated weights")?;
            self.bytes = rest;
            value |= u32::from(byte & 0x7f) << (7 * i);
            if byte < 0x80 {
                return match (i, byte) {
                    (1.., 0) => Err("over-long varint"),
                    (4, 0x10..) => Err("varint out of range"),
                    _ => Ok(value),
                };
            }
        }
        Err("varint out of range")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SHIPPED: &[u8] = include_bytes!("../../model/ner.bin");

    /// A model of 2^10 buckets with the given non-zero weights.
    fn small_model(weights: &[(usize, i16)], transitions: Vec<i32>) -> Model {
        let len = (1 << 10) * N_TAGS;
        let mut table = vec![0i16; len];
        for &(i, w) in weights {
            table[i % len] = w;
        }
        Model::new(10, table, transitions)
    }

    fn assert_same(a: &Model, b: &Model) {
        assert_eq!(a.bits, b.bits);
        assert_eq!(a.transitions, b.transitions);
        assert!(a.weights == b.weights, "weights differ");
    }

    /// `content` (magic to last row) with its checksum.
    fn sealed(mut content: Vec<u8>) -> Vec<u8> {
        let sum = checksum(&content);
        content.extend_from_slice(&sum.to_le_bytes());
        content
    }

    /// The header and transitions of a 2^10-bucket file, then `rows` and the row bytes.
    fn file_with_rows(rows: u32, row_bytes: &[u8]) -> Vec<u8> {
        let mut content = encode(&small_model(&[], vec![0; N_TRANSITIONS]));
        content.truncate(content.len() - CHECKSUM_BYTES - 4);
        content.extend_from_slice(&rows.to_le_bytes());
        content.extend_from_slice(row_bytes);
        sealed(content)
    }

    fn check_refused(bytes: &[u8], reason: &str) {
        match decode(bytes) {
            Err(Error::BadModel { reason: got }) => assert_eq!(got, reason),
            other => panic!("expected BadModel({reason}), got {other:?}"),
        }
    }

    #[test]
    fn the_shipped_model_reads_and_writes_back_the_same_bytes() {
        let model = decode(SHIPPED).expect("the shipped model loads");
        assert_eq!(model.bits, 19);
        assert_eq!(model.weights.len(), (1 << 19) * N_TAGS);
        assert!(model.weights.iter().any(|&w| w != 0));
        assert!(encode(&model) == SHIPPED, "the shipped file is not the canonical encoding of its model");
    }

    #[test]
    fn the_empty_model_and_extreme_weights_round_trip() {
        let weights = [(0, i16::MIN), (1, i16::MAX), (8, -1), (9, 1), ((1 << 10) * N_TAGS - 1, 64), (4_000, -64)];
        for model in [small_model(&[], vec![0; N_TRANSITIONS]), small_model(&weights, vec![i32::MIN; N_TRANSITIONS])] {
            assert_same(&decode(&encode(&model)).expect("reads back"), &model);
        }
    }

    #[test]
    fn damaged_and_hostile_files_are_refused_with_a_reason() {
        check_refused(b"", "not a morgue-ner model of this version");
        check_refused(b"MNERv01\n\x13\0\0\0\x09\0\0\0", "not a morgue-ner model of this version");
        check_refused(b"MNERv02\n", "truncated file");
        check_refused(&sealed(b"MNERv02\n".to_vec()), "truncated header");
        let mut flipped = file_with_rows(1, &[0, 1, 2]);
        flipped[20] ^= 1;
        check_refused(&flipped, "checksum mismatch: the file is damaged");
        let mut big = encode(&small_model(&[], vec![0; N_TRANSITIONS]));
        big.truncate(big.len() - CHECKSUM_BYTES);
        big[8] = 25;
        check_refused(&sealed(big.clone()), "unexpected tag count or table size");
        big[8] = 10;
        big[12] = 8;
        check_refused(&sealed(big), "unexpected tag count or table size");
        check_refused(&file_with_rows(u32::MAX, &[0, 1, 2]), "more rows than buckets or bytes");
        check_refused(&file_with_rows(2, &[0, 1, 2]), "more rows than buckets or bytes");
        check_refused(&file_with_rows(1, &[0x80, 0x08, 1, 2]), "bucket out of range");
        check_refused(&file_with_rows(1, &[0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]), "bucket out of range");
        check_refused(&file_with_rows(1, &[0xff, 0xff, 0xff, 0xff, 0x10, 1, 2]), "varint out of range");
        check_refused(&file_with_rows(1, &[0x80, 0x00, 1, 2]), "over-long varint");
        check_refused(&file_with_rows(1, &[0, 0, 2]), "bad tag mask");
        check_refused(&file_with_rows(1, &[0, 0x80, 0x04, 2]), "bad tag mask");
        check_refused(&file_with_rows(1, &[0, 1, 0]), "zero weight stored");
        check_refused(&file_with_rows(1, &[0, 1, 0x80, 0x80, 0x04]), "weight out of range");
        check_refused(&file_with_rows(1, &[0, 3, 2]), "truncated weights");
        check_refused(&file_with_rows(1, &[0, 1, 2, 0]), "bytes after the last row");
        // The gaps add up: a second row past the last bucket is refused.
        check_refused(&file_with_rows(2, &[0x87, 0x07, 1, 2, 0xff, 0x07, 1, 2]), "bucket out of range");
    }

    fn sparse_weights() -> impl Strategy<Value = Vec<(usize, i16)>> {
        prop::collection::vec((0..(1usize << 10) * N_TAGS, any::<i16>()), 0..200)
    }

    /// A change to a file: cut it, overwrite, insert or remove a byte.
    #[derive(Debug, Clone)]
    enum Mangle {
        Truncate(usize),
        Set(usize, u8),
        Insert(usize, u8),
        Remove(usize),
    }

    fn mangles() -> impl Strategy<Value = Vec<Mangle>> {
        let one = prop_oneof![
            any::<usize>().prop_map(Mangle::Truncate),
            (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mangle::Set(i, b)),
            (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mangle::Insert(i, b)),
            any::<usize>().prop_map(Mangle::Remove),
        ];
        prop::collection::vec(one, 1..4)
    }

    fn apply(bytes: &mut Vec<u8>, mangles: &[Mangle]) {
        for m in mangles {
            let len = bytes.len();
            match *m {
                Mangle::Truncate(i) => bytes.truncate(i % (len + 1)),
                Mangle::Set(i, b) if len > 0 => bytes[i % len] = b,
                Mangle::Insert(i, b) => bytes.insert(i % (len + 1), b),
                Mangle::Remove(i) if len > 0 => {
                    bytes.remove(i % len);
                }
                Mangle::Set(..) | Mangle::Remove(_) => {}
            }
        }
    }

    proptest! {
        #[test]
        fn any_model_reads_back_unchanged(weights in sparse_weights(), transitions in prop::collection::vec(any::<i32>(), N_TRANSITIONS)) {
            let model = small_model(&weights, transitions);
            let bytes = encode(&model);
            assert_same(&decode(&bytes).expect("reads back"), &model);
        }

        #[test]
        fn a_mangled_file_is_refused_or_reads_as_what_it_encodes(weights in sparse_weights(), mangles in mangles()) {
            let mut bytes = encode(&small_model(&weights, vec![7; N_TRANSITIONS]));
            apply(&mut bytes, &mangles);
            // Never a panic; a file that does read is the one encoding of its model.
            if let Ok(model) = decode(&bytes) {
                prop_assert!(encode(&model) == bytes);
            }
        }

        #[test]
        fn a_mangled_file_with_a_valid_checksum_is_refused_or_canonical(weights in sparse_weights(), mangles in mangles()) {
            let mut bytes = encode(&small_model(&weights, vec![-3; N_TRANSITIONS]));
            bytes.truncate(bytes.len() - CHECKSUM_BYTES);
            apply(&mut bytes, &mangles);
            let bytes = sealed(bytes);
            if let Ok(model) = decode(&bytes) {
                prop_assert!(encode(&model) == bytes);
            }
        }
    }
}
