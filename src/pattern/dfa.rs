// How build.rs compiles a pattern of the table into the forward and reverse
// DFAs of a `dfa::regex::Regex` with the meta engine's semantics
// (leftmost-first, UTF-8 spans, no empty match inside a character).
// Included by build.rs and by `crate::pattern`'s tests, so both build the
// same DFAs.

/// Bound on one DFA while determinizing, so that a pattern too large for
/// the table fails fast instead of running for minutes.
const DETERMINIZE_MAX: usize = 8 << 20;

fn dfa(
    pattern: &str,
    reverse: bool,
) -> Result<regex_automata::dfa::dense::DFA<Vec<u32>>, String> {
    use regex_automata::MatchKind;
    use regex_automata::dfa::{StartKind, dense};
    use regex_automata::nfa::thompson;
    use regex_automata::util::syntax;
    let mut config = dense::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .minimize(true)
        .dfa_size_limit(Some(DETERMINIZE_MAX))
        .determinize_size_limit(Some(DETERMINIZE_MAX));
    let mut nfa = thompson::Config::new().utf8(true);
    if reverse {
        // What `dfa::regex::Builder` configures for its reverse DFA.
        config = config
            .prefilter(None)
            .specialize_start_states(false)
            .start_kind(StartKind::Anchored)
            .match_kind(MatchKind::All);
        nfa = nfa.reverse(true);
    }
    dense::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().utf8(true))
        .thompson(nfa)
        .build(pattern)
        .map_err(|e| e.to_string())
}
