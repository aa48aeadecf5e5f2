"""Near-duplicate detection: MinHash signatures of word shingles and an LSH index over them (datasketch).

A syndicated story (one newswire article republished by several outlets, with a new header, a
paragraph moved or a sentence edited) keeps most of its word 5-grams, so its estimated Jaccard
similarity to the original stays high while unrelated articles on the same topic share few.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
# The permutation scheme is fixed so that stored signatures stay comparable across datasketch versions.
SCHEME = "affine32"
# Estimated Jaccard similarity from which two bodies are one story. Lightly edited syndicated copies
# score about 0.85-0.9; daily bulletins written from one template (same boilerplate, new facts) about
# 0.3-0.5, and must stay separate stories.
THRESHOLD = 0.7

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(body: str, size: int = SHINGLE) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(body)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(body: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(body)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype="<u4").tobytes())


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """An in-memory LSH index of the stored documents' signatures, keyed by document id."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, minhash: MinHash) -> None:
        if key in self._signatures:
            return
        self._lsh.insert(key, minhash)
        self._signatures[key] = minhash

    def best_match(self, minhash: MinHash) -> tuple[str, float] | None:
        """The most similar indexed document at or above the threshold, with its estimated similarity."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[key]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (str(key), similarity)
        return best
