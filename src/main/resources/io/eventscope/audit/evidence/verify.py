#!/usr/bin/env python3
"""Re-check an Eventscope evidence pack without Eventscope (Python 3 standard library only).

Usage: python3 verify.py [PACK-FOLDER]     (default: the folder this script is in)

Recomputes the RFC 6962 Merkle root of events.jsonl, the SHA-256 of state.json, of the projection and
of citations.json, and checks every citation's inclusion proof, all against manifest.json. Exit code 0
when everything matches, 3 at the first difference (named), 2 when the pack cannot be read.
The Ed25519 signature over manifest.json is not checked here (the standard library has no Ed25519):
use `eventscope verify-pack`, or any Ed25519 tool with the public key in signature.json.
"""
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
        manifest = json.loads(f.read().decode("utf-8"))
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
    print("INTACT: %d events, Merkle root %s; state.json hash matches; %d citation(s) proven."
          % (lines, manifest["merkleRoot"], citations))
    print("Signature not checked here; signer fingerprint %s." % manifest["signer"]["fingerprint"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
