import Testing
import TestSupport
@testable import ReportKit

@Suite struct SHA256Tests {
    /// The implementations this CPU can run: always the portable one, and the hardware one when
    /// the CPU has the SHA extensions. Where it has not, every test below still runs (and can
    /// still fail) on the portable path; only the hardware half is left out.
    static let implementations = SHA256.Implementation.allCases.filter(\.isAvailable)

    // FIPS 180-4 examples and messages that span several blocks.
    @Test(arguments: implementations, [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownDigests(implementation: SHA256.Implementation, vector: (message: String, digest: String)) {
        #expect(Self.digest(Array(vector.message.utf8), implementation) == vector.digest)
    }

    @Test(arguments: implementations)
    func millionAs(implementation: SHA256.Implementation) {
        #expect(Self.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), implementation)
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func updatesInPiecesGiveTheSameDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hasher = SHA256()
        for chunk in stride(from: 0, to: bytes.count, by: 37) {
            hasher.update(bytes[chunk..<min(chunk + 37, bytes.count)])
        }
        #expect(hasher.finalizeHex() == SHA256.hexDigest(of: bytes))
    }

    @Test func sequencesWithoutContiguousStorageGiveTheSameDigest() {
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 * 13) }
        #expect(SHA256.hexDigest(of: bytes.lazy.map { $0 }) == SHA256.hexDigest(of: bytes))
    }

    /// Every length up to 300 crosses the padding's edge cases (55, 56, 63, 64, 119, 120 bytes...);
    /// each implementation, fed in random pieces, must agree with the one-shot reference below,
    /// which shares no code with `SHA256`.
    @Test(arguments: implementations)
    func everyShortLengthMatchesTheReference(implementation: SHA256.Implementation) {
        var random = SplitMix64(seed: 0x5348_4132_3536)
        for length in 0...300 {
            let bytes = random.bytes(length)
            let expected = ReferenceSHA256.hexDigest(of: bytes)
            #expect(Self.digestInRandomPieces(bytes, implementation, maximumPiece: 100, random: &random) == expected, "length \(length)")
        }
    }

    /// A few megabytes in random-sized updates (empty, single bytes, and pieces of many blocks),
    /// through every implementation: each must match the portable path's one-shot digest. Without
    /// the SHA extensions this compares the portable path in pieces with itself in one go, which
    /// still checks the buffering of partial blocks.
    @Test func megabytesInRandomPiecesAgreeAcrossImplementations() {
        var random = SplitMix64(seed: 0x4d42_5348_41)
        for length in [3 << 20, (3 << 20) + 1, (5 << 20) - 37] {
            let bytes = random.bytes(length)
            let expected = Self.digest(bytes, .portable)
            for implementation in Self.implementations {
                #expect(Self.digest(bytes, implementation) == expected, "\(implementation), \(length) bytes in one update")
                let pieces = Self.digestInRandomPieces(bytes, implementation, maximumPiece: 200_000, random: &random)
                #expect(pieces == expected, "\(implementation), \(length) bytes in random pieces")
            }
        }
    }

    private static func digest(_ bytes: [UInt8], _ implementation: SHA256.Implementation) -> String {
        var hasher = SHA256(implementation: implementation)
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    private static func digestInRandomPieces(
        _ bytes: [UInt8], _ implementation: SHA256.Implementation, maximumPiece: Int, random: inout SplitMix64
    ) -> String {
        var hasher = SHA256(implementation: implementation)
        var offset = 0
        while offset < bytes.count {
            // Small pieces often, so that partial blocks are topped up and spilled in every way.
            let limit = random.next() % 4 == 0 ? maximumPiece : 70
            let count = min(Int(random.next() % UInt64(limit + 1)), bytes.count - offset)
            bytes.withUnsafeBufferPointer { hasher.update(UnsafeBufferPointer(rebasing: $0[offset..<offset + count])) }
            offset += count
        }
        return hasher.finalizeHex()
    }
}

/// A seeded generator, so that a failure names data that can be made again.

/// The textbook algorithm in one go (FIPS 180-4, section 6.2): slow, but independent of `SHA256`'s
/// buffering, padding and compression.
private enum ReferenceSHA256 {
    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    static func hexDigest(of message: [UInt8]) -> String {
        var padded = message + [0x80]
        padded += [UInt8](repeating: 0, count: (119 - message.count % 64) % 64)
        let bitLength = UInt64(message.count) * 8
        padded += (0..<8).map { UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - 8 * $0)) }
        var h: [UInt32] = [0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19]
        for block in stride(from: 0, to: padded.count, by: 64) {
            var w = (0..<16).map { i in padded[block + 4 * i..<block + 4 * i + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w.append(w[i - 16] &+ s0 &+ w[i - 7] &+ s1)
            }
            var v = h
            for i in 0..<64 {
                let t1 = v[7] &+ (rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25)) &+ ((v[4] & v[5]) ^ (~v[4] & v[6])) &+ k[i] &+ w[i]
                let t2 = (rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22)) &+ ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]))
                v = [t1 &+ t2, v[0], v[1], v[2], v[3] &+ t1, v[4], v[5], v[6]]
            }
            h = zip(h, v).map { $0 &+ $1 }
        }
        return h.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
