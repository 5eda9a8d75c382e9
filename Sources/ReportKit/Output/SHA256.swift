import CSHA256

/// SHA-256 (FIPS 180-4), for the manifest's checksums.
///
/// Inputs can be hundreds of megabytes, so the compression function runs on the CPU's SHA
/// instructions where there are any (x86 with the SHA extensions). Swift cannot issue those
/// instructions itself, Foundation on Linux has no digest API, and the project takes no crypto
/// dependency for one hash: the compression is therefore a small C target, `CSHA256`, which also
/// holds the portable fallback (in C rather than Swift, since a C compiler keeps the round
/// function in registers). Buffering and padding stay here. Both paths are checked against the
/// FIPS test vectors and against each other in the tests.
public struct SHA256: Sendable {
    /// Which compression function a hasher uses. `best` is what `init()` picks; the tests choose
    /// explicitly so that both paths run on the same data.
    enum Implementation: Sendable, CaseIterable, CustomStringConvertible {
        /// The x86 SHA instructions; only when `isAvailable`.
        case hardware
        /// Portable C, on any CPU.
        case portable

        /// Checked once: the CPU does not change while the process runs.
        static let best: Implementation = csha256_has_hardware() != 0 ? .hardware : .portable

        var isAvailable: Bool { self == .portable || Self.best == .hardware }

        var description: String { self == .hardware ? "hardware" : "portable" }
    }

    private let implementation: Implementation
    /// The working words A...H.
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes of a block not yet complete: always fewer than 64 between updates.
    private var tail: [UInt8] = []
    private var length: UInt64 = 0

    public init() {
        self.init(implementation: .best)
    }

    init(implementation: Implementation) {
        precondition(implementation.isAvailable, "SHA-256: the \(implementation) implementation needs the SHA extensions")
        self.implementation = implementation
    }

    /// The hex digest of `bytes`.
    public static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Contiguous collections (arrays, slices, `Data`) are hashed in place; anything else is
    /// gathered into an array first.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update($0) }
        if done == nil {
            Array(bytes).withUnsafeBufferPointer { update($0) }
        }
    }

    /// Hashes whole blocks straight from `bytes`; only a tail shorter than a block is copied.
    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if !tail.isEmpty {
            let take = min(64 - tail.count, bytes.count)
            tail.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<take]))
            offset = take
            guard tail.count == 64 else { return }
            tail.withUnsafeBufferPointer { compress($0.baseAddress!, blockCount: 1) }
            tail.removeAll(keepingCapacity: true)
        }
        let blockCount = (bytes.count - offset) / 64
        if blockCount > 0 {
            compress(base + offset, blockCount: blockCount)
            offset += blockCount * 64
        }
        if offset < bytes.count {
            if tail.capacity < 64 { tail.reserveCapacity(64) }
            tail.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset...]))
        }
    }

    /// Pads and hashes what is left: the hasher is spent afterwards.
    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        var last = tail
        last.append(0x80)
        while last.count % 64 != 56 { last.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { last.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        last.withUnsafeBufferPointer { compress($0.baseAddress!, blockCount: $0.count / 64) }
        tail = []
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(hexDigits[Int((word >> UInt32(shift)) & 0xf)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private mutating func compress(_ blocks: UnsafePointer<UInt8>, blockCount: Int) {
        let implementation = self.implementation
        // A homogeneous tuple is laid out as its elements in order, so it can be seen as `uint32_t[8]`.
        withUnsafeMutablePointer(to: &state) { tuple in
            tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                switch implementation {
                case .hardware: csha256_compress_hardware(words, blocks, blockCount)
                case .portable: csha256_compress_portable(words, blocks, blockCount)
                }
            }
        }
    }
}
