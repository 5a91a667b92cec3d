@fault-sidecar-oom
Feature: The sidecar is OOM-killed while main works
  Seed 000: dind may have a lower OOM score than the runner and be killed first.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @smoke
    Examples: light sidecar, smoke set
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | classic   | light   | exec        |
      | done-file | light   | exec        |
      | pidfile   | light   | exec        |
      | native    | light   | exec        |
      | ephemeral | light   | exec        |

    @dind
    Examples: dind sidecar
      | pattern   | sidecar | variant     |
      | classic   | dind    | exec        |
      | done-file | dind    | exec        |
      | pidfile   | dind    | exec        |
      | native    | dind    | exec        |
      | native    | dind    | exec+probe  |
      | ephemeral | dind    | exec        |
