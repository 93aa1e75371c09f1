package dev.labforge.cli;

/**
 * How {@code gen} reports: {@code check} writes nothing and names each differing file, {@code diff}
 * also prints how it differs, {@code quiet} leaves out the next steps; {@code templates} is the
 * user's override folder (null: the environment's, or none).
 */
record GenOptions(boolean check, boolean diff, boolean quiet, java.nio.file.Path templates) {
  boolean compareOnly() {
    return check || diff;
  }
}
