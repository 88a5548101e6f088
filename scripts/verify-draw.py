#!/usr/bin/env python3
"""Independent re-computation of a luoshi draw (luoshi-draw-v1) from its public inputs.

Written from the algorithm description in docs/draws.md only, with the Python standard library, so
that anyone can check a published 摇号/抽查 result without luoshi:

    python3 scripts/verify-draw.py draw.json

draw.json holds {"labels": [...], "entropy": [{"name": ..., "numbers": [...]}, ...],
"reveal": {"revealHex": ..., "commitmentHex": ...}} (reveal optional). Prints the list digest,
the entropy key and one line per label: rank, label, position.
"""
import hashlib
import hmac
import json
import sys


def entropy_key(sources):
    key = ""
    for source in sources:
        for value in sorted(int(v) for v in source["numbers"]):
            key += "%d." % value
        key += "/"
    return key


def hkdf_extract(salt, ikm):
    return hmac.new(salt if salt else b"\x00" * 32, ikm, hashlib.sha256).digest()


def hkdf_expand(prk, info, length):
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def main(path):
    with open(path, encoding="utf-8") as handle:
        draw = json.load(handle)
    labels = draw["labels"]
    digest = hashlib.sha256("\n".join(labels).encode("utf-8")).hexdigest()
    key = entropy_key(draw["entropy"])
    salt = b""
    reveal = draw.get("reveal")
    if reveal:
        salt = bytes.fromhex(reveal["revealHex"])
        if hashlib.sha256(salt).hexdigest() != reveal["commitmentHex"].lower():
            sys.exit("reveal does not match the commitment")
    prk = hkdf_extract(salt, ("luoshi-draw-v1\n%s\n%s" % (digest, key)).encode("utf-8"))
    positions = sorted(
        (hkdf_expand(prk, label.encode("utf-8"), 16).hex(), label) for label in labels
    )
    print("list-digest", digest)
    print("entropy-key", key)
    for rank, (position, label) in enumerate(positions, start=1):
        print(rank, label, position, sep="\t")


if __name__ == "__main__":
    main(sys.argv[1])
