package dev.labforge.cli;

/**
 * How {@code gen} reports: {@code check} writes nothing and names each differing file, {@code diff}
 * also prints how it differs, {@code quiet} leaves out the next steps.
 */
record GenOptions(boolean check, boolean diff, boolean quiet) {
  boolean compareOnly() {
    return check || diff;
  }
}
