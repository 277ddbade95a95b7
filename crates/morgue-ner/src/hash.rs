//! Allocation-free string hashing for feature hashing.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A streaming FNV-1a hasher.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Self(FNV_OFFSET)
    }

    pub(crate) fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(FNV_PRIME);
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    /// Feeds `c` lowercased, with ASCII digits folded to `0`.
    pub(crate) fn char_folded(&mut self, c: char) {
        if c.is_ascii() {
            let b = c as u8;
            self.byte(if b.is_ascii_digit() { b'0' } else { b.to_ascii_lowercase() });
        } else {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                self.bytes(l.encode_utf8(&mut buf).as_bytes());
            }
        }
    }

    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

/// Hash of `s`, exactly as written.
pub(crate) fn exact(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.bytes(s.as_bytes());
    h.finish()
}

/// Hash of `s` lowercased with digits folded.
pub(crate) fn folded(s: &str) -> u64 {
    let mut h = Fnv::new();
    for c in s.chars() {
        h.char_folded(c);
    }
    h.finish()
}

/// Mixes two hashes into one (order matters).
pub(crate) fn pair(a: u64, b: u64) -> u64 {
    let x = a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

/// Hash of a run of tokens, each hashed with [`exact`]: the key of multi-word names.
pub(crate) fn span<'a>(tokens: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h = Fnv::new();
    for (i, t) in tokens.into_iter().enumerate() {
        if i > 0 {
            h.byte(b' ');
        }
        h.bytes(t.as_bytes());
    }
    h.finish()
}

/// A hasher for keys that are already hashes: passes the `u64` through.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes.
pub(crate) type HashKeyed<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;
