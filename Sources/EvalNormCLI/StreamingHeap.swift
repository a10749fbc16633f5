/// Keeps freed memory in the heap while NDJSON is streamed, instead of handing it back to the
/// kernel after every line.
///
/// Each line allocates and frees much the same memory again: its bytes, its parsed values and its
/// output, and each chunk its 4 MiB of lines. By default glibc gives back free memory above 128 KiB
/// at the top of a heap, and serves each block of 128 KiB or more with a mapping of its own, unmapped
/// when freed; it raises these limits by itself as larger blocks are freed (the mapping threshold up
/// to 32 MiB, the trim threshold to twice it), but only after the first returns. Each return is a
/// system call, and with several threads also a TLB flush on the other cores. This fixes both limits
/// from the start (trim above 32 MiB, own mappings from 16 MiB), as
/// `GLIBC_TUNABLES=glibc.malloc.trim_threshold=33554432:glibc.malloc.mmap_threshold=16777216` would
/// before the process starts; glibc then no longer moves them. What is kept is memory a thread has
/// already used: each thread's arena keeps up to its own busiest moment, so the peak is bounded by
/// the chunk size and the number of jobs, not by the input.
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
