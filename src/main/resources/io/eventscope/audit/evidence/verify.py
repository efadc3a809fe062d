#!/usr/bin/env python3
"""Re-check an Eventscope evidence pack without Eventscope (Python 3 standard library only).

Usage: python3 verify.py [PACK-FOLDER]     (default: the folder this script is in)

Checks the Ed25519 signature over manifest.json (RFC 8032, written out below), recomputes the RFC 6962
Merkle root of events.jsonl, the SHA-256 of state.json, of the projection and of citations.json, and checks
every citation's inclusion proof, all against manifest.json. Exit code 0 when everything matches, 3 at
the first difference (named), 2 when the pack cannot be read. It does not replay the events (that needs
Eventscope: `eventscope verify-pack`). Compare the signer fingerprint with the one the exporter gave you.
"""
import base64
import hashlib
import json
import os
import sys


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


class Tree:
    """RFC 6962 tree hash, built streaming: complete subtrees are merged as they fill."""

    def __init__(self):
        self.stack = []  # (hash, size), sizes strictly decreasing

    def add(self, h):
        self.stack.append((h, 1))
        while len(self.stack) > 1 and self.stack[-1][1] == self.stack[-2][1]:
            (right, n), (left, _) = self.stack.pop(), self.stack.pop()
            self.stack.append((node_hash(left, right), 2 * n))

    def root(self):
        if not self.stack:
            return hashlib.sha256(b"").digest()
        h = self.stack[-1][0]
        for left, _ in reversed(self.stack[:-1]):
            h = node_hash(left, h)
        return h


def verify_inclusion(index, size, leaf, path, root):
    """RFC 9162 section 2.1.3.2."""
    if index < 0 or index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


# Ed25519 verification as in RFC 8032 section 6 (slow, pure Python; one signature takes a moment).
P = 2 ** 255 - 19
Q = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 % P == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


def _add(a, b):
    e1 = (a[1] - a[0]) * (b[1] - b[0]) % P
    e2 = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    dd = 2 * a[2] * b[2] % P
    e, f, g, h = e2 - e1, dd - c, dd + c, e2 + e1
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _mul(s, pt):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, pt)
        pt = _add(pt, pt)
        s >>= 1
    return q


def _decompress(b):
    if len(b) != 32:
        return None
    y = int.from_bytes(b, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0)
_G = (_GX, _GY, 1, _GX * _GY % P)
# An Ed25519 public key in X.509 SubjectPublicKeyInfo form is this prefix then the 32 key bytes.
_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def ed25519_verify(public_spki, message, signature):
    if len(public_spki) != 44 or not public_spki.startswith(_SPKI_PREFIX) or len(signature) != 64:
        return False
    public = public_spki[12:]
    a = _decompress(public)
    r = _decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % Q
    left = _mul(s, _G)
    right = _add(r, _mul(h, a))
    return (left[0] * right[2] - right[0] * left[2]) % P == 0 and (left[1] * right[2] - right[1] * left[2]) % P == 0


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Different(Exception):
    pass


def check(folder):
    with open(os.path.join(folder, "manifest.json"), "rb") as f:
        manifest_bytes = f.read()
    manifest = json.loads(manifest_bytes.decode("utf-8"))
    with open(os.path.join(folder, "signature.json"), "rb") as f:
        sig = json.loads(f.read().decode("utf-8"))
    key = manifest["signer"]["publicKey"]
    if sig["publicKey"] != key:
        raise Different("signature.json: its public key is not the one manifest.json names")
    if not ed25519_verify(base64.b64decode(key), manifest_bytes, base64.b64decode(sig["signature"])):
        raise Different("manifest.json: the Ed25519 signature does not match (the manifest or the signature was changed)")
    if hashlib.sha256(base64.b64decode(key)).hexdigest() != manifest["signer"]["fingerprint"]:
        raise Different("manifest.json: the signer fingerprint is not that of its public key")
    count = manifest["eventCount"]
    cited = {}
    citations_path = os.path.join(folder, "citations.json")
    citations = None
    if manifest.get("citationsSha256"):
        if not os.path.exists(citations_path):
            raise Different("citations.json: missing, but manifest.json records one")
        if sha256_file(citations_path) != manifest["citationsSha256"]:
            raise Different("citations.json: its SHA-256 differs from manifest.json citationsSha256")
        with open(citations_path, "rb") as f:
            citations = json.loads(f.read().decode("utf-8"))["citations"]
        cited = {c["position"]: None for c in citations}

    tree = Tree()
    lines = 0
    with open(os.path.join(folder, "events.jsonl"), "rb") as f:
        for raw in f:
            lines += 1
            if not raw.endswith(b"\n"):
                raise Different("events.jsonl line %d: the line does not end with a newline" % lines)
            line = raw[:-1]
            if not line.startswith(b'{"position":%d,' % lines):
                raise Different("events.jsonl line %d: does not hold position %d (a line was removed, added or moved)"
                                % (lines, lines))
            tree.add(leaf_hash(line))
            if lines in cited:
                cited[lines] = line
    if lines != count:
        raise Different("events.jsonl: %d lines, manifest.json eventCount says %d" % (lines, count))
    root = tree.root().hex()
    if root != manifest["merkleRoot"]:
        raise Different("events.jsonl: Merkle root %s differs from manifest.json merkleRoot %s"
                        % (root, manifest["merkleRoot"]))
    if sha256_file(os.path.join(folder, "state.json")) != manifest["stateSha256"]:
        raise Different("state.json: its SHA-256 differs from manifest.json stateSha256")
    projection = manifest["projection"]
    if hashlib.sha256(projection["text"].encode("utf-8")).hexdigest() != projection["sha256"]:
        raise Different("manifest.json: the projection text does not match its sha256")
    for c in citations or []:
        p = c["position"]
        line = c["line"].encode("utf-8")
        if cited.get(p) != line:
            raise Different("citations.json position %d: the line differs from events.jsonl line %d" % (p, p))
        path = [bytes.fromhex(h) for h in c["inclusionProof"]]
        if c["treeSize"] != count or not verify_inclusion(p - 1, count, leaf_hash(line), path,
                                                           bytes.fromhex(manifest["merkleRoot"])):
            raise Different("citations.json position %d: the inclusion proof does not lead to the root" % p)
    return manifest, lines, len(citations or [])


def main(argv):
    folder = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    try:
        manifest, lines, citations = check(folder)
    except Different as d:
        print("DIFFERENT: " + str(d))
        return 3
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("CANNOT READ the pack in %s: %s" % (folder, e))
        return 2
    print("INTACT: signature valid; %d events, Merkle root %s; state.json hash matches; %d citation(s) proven."
          % (lines, manifest["merkleRoot"], citations))
    print("Signer fingerprint %s: compare it with the one the exporter gave you." % manifest["signer"]["fingerprint"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
