package io.eventscope.audit.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    // RFC 6962 reference data as published by Certificate Transparency: the leaves and tree heads of
    // google/certificate-transparency-go merkletree/merkle_tree_test.go (rootForTestLeaves) and
    // transparency-dev/merkle testonly/constants.go (which also gives the inclusion proofs below).
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final String[][] PROOF_LEAF0_SIZE8 = {{
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}};
    private static final String[] PROOF_LEAF5_SIZE8 = {
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"};

    @Test
    void rootsMatchThePublishedTreeHeadsForEverySize() {
        for (int n = 0; n <= LEAVES.length; n++) {
            MerkleTree.Builder b = new MerkleTree.Builder();
            for (int i = 0; i < n; i++) {
                b.add(MerkleTree.leafHash(HEX.parseHex(LEAVES[i])));
            }
            assertEquals(ROOTS[n], HEX.formatHex(b.root()), "tree of " + n + " leaves");
        }
    }

    @Test
    void inclusionProofsMatchThePublishedOnes() {
        assertEquals(List.of(PROOF_LEAF0_SIZE8[0]), hex(proofs(8, 0)));
        assertEquals(List.of(PROOF_LEAF5_SIZE8), hex(proofs(8, 5)));
        byte[] root = HEX.parseHex(ROOTS[8]);
        assertTrue(MerkleTree.verifyInclusion(5, 8, MerkleTree.leafHash(HEX.parseHex(LEAVES[5])),
                unhex(PROOF_LEAF5_SIZE8), root));
        assertFalse(MerkleTree.verifyInclusion(4, 8, MerkleTree.leafHash(HEX.parseHex(LEAVES[5])),
                unhex(PROOF_LEAF5_SIZE8), root), "the proof of leaf 5 does not prove leaf 4");
    }

    @Test
    void randomTreesAgreeWithARecursiveFoldAndEveryProofVerifies() {
        Random random = new Random(12);
        for (int round = 0; round < 60; round++) {
            int n = 1 + random.nextInt(round < 40 ? 40 : 700);
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] data = new byte[random.nextInt(40)];
                random.nextBytes(data);
                leaves.add(data);
            }
            byte[] expected = recursiveRoot(leaves, 0, n);
            MerkleTree.Builder b = new MerkleTree.Builder();
            leaves.forEach(l -> b.add(MerkleTree.leafHash(l)));
            assertArrayEquals(expected, b.root(), "root of " + n + " leaves");

            List<Long> cited = List.of(0L, (long) random.nextInt(n), (long) n - 1);
            InclusionProofs proofs = new InclusionProofs(cited);
            MerkleTree.Builder grown = new MerkleTree.Builder(proofs);
            MerkleTree.Builder atCut = null;
            int more = random.nextInt(3) * random.nextInt(300); // leaves past the cut, as a time cut reads on
            for (int i = 0; i < n + more; i++) {
                grown.add(MerkleTree.leafHash(i < n ? leaves.get(i) : new byte[] {(byte) i}));
                atCut = i == n - 1 ? grown.copy() : atCut;
            }
            assertArrayEquals(expected, atCut.root(), "root of the first " + n + " of " + (n + more) + " leaves");
            for (long leaf : cited) {
                List<byte[]> path = proofs.proof(leaf, atCut);
                byte[] lh = MerkleTree.leafHash(leaves.get((int) leaf));
                assertTrue(MerkleTree.verifyInclusion(leaf, n, lh, path, expected), "leaf " + leaf + " of " + n);
                byte[] other = lh.clone();
                other[random.nextInt(other.length)] ^= (byte) (1 << random.nextInt(8));
                assertFalse(MerkleTree.verifyInclusion(leaf, n, other, path, expected), "a changed leaf fails");
                if (!path.isEmpty()) {
                    List<byte[]> bent = new ArrayList<>(path);
                    byte[] step = bent.get(0).clone();
                    step[0] ^= 1;
                    bent.set(0, step);
                    assertFalse(MerkleTree.verifyInclusion(leaf, n, lh, bent, expected), "a changed path fails");
                }
            }
        }
    }

    /** RFC 6962 §2.1 written out independently: MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
    private static byte[] recursiveRoot(List<byte[]> leaves, int from, int to) throws RuntimeException {
        MessageDigest sha = MerkleTree.sha256();
        if (to - from == 1) {
            sha.update(new byte[] {0});
            sha.update(leaves.get(from));
            return sha.digest();
        }
        int k = 1;
        while (k * 2 < to - from) {
            k *= 2;
        }
        byte[] left = recursiveRoot(leaves, from, from + k);
        byte[] right = recursiveRoot(leaves, from + k, to);
        sha.update(new byte[] {1});
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    private static List<byte[]> proofs(int size, long leaf) {
        InclusionProofs p = new InclusionProofs(List.of(leaf));
        MerkleTree.Builder tree = new MerkleTree.Builder(p);
        for (int i = 0; i < size; i++) {
            tree.add(MerkleTree.leafHash(HEX.parseHex(LEAVES[i])));
        }
        return p.proof(leaf, tree);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static List<byte[]> unhex(String[] hashes) {
        return Arrays.stream(hashes).map(HEX::parseHex).toList();
    }
}
