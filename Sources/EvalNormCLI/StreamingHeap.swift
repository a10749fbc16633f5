/// Keeps freed memory in the heap while NDJSON is streamed, instead of handing it back to the
/// kernel after every line.
///
/// Each line allocates and frees much the same memory again: its bytes, its parsed values and its
/// output, and each chunk its 4 MiB of lines. By default glibc gives back free memory above 128 KiB
/// at the top of a heap, and serves each block of 128 KiB or more with a mapping of its own, unmapped
/// when freed. Each such return is a system call, and with several threads also a TLB flush on the
/// other cores. This raises both limits (trim above 32 MiB, own mappings from 16 MiB), as
/// `GLIBC_TUNABLES=glibc.malloc.trim_threshold=33554432:glibc.malloc.mmap_threshold=16777216` would
/// before the process starts. What is kept is memory a thread has already used, so the peak stays
/// what the busiest moment needs.
///
/// Only for a command that owns its process (see `CommandContext.ownsProcess`), on Linux with glibc;
/// anywhere else, or when glibc refuses, nothing changes but the speed.
enum StreamingHeap {
    static let trimThreshold: Int32 = 32 << 20
    static let mmapThreshold: Int32 = 16 << 20

    /// Raises the trim and mapping thresholds for the rest of the process.
    static func prepare() {
        MallocOptions.set(.trimThreshold, to: trimThreshold)
        MallocOptions.set(.mmapThreshold, to: mmapThreshold)
    }
}
