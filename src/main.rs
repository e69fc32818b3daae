// mimalloc instead of the system allocator: compiling the extractors'
// patterns and lexicons allocates a great deal, and glibc's malloc was
// a fifth of a pre-commit run's instructions (callgrind, bundled
// example: 355 M with glibc, 287 M with mimalloc).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(candor::cli::main());
}
