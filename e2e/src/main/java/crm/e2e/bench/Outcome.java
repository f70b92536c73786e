package crm.e2e.bench;

/** One request's end: whether it counts as a success, and its status (0 when nothing came back). */
record Outcome(boolean ok, int status) {

    static Outcome ofStatus(int status, int expected) {
        return new Outcome(status == expected, status);
    }

    static final Outcome SUCCESS = new Outcome(true, 0);
    static final Outcome NO_ANSWER = new Outcome(false, 0);
}
