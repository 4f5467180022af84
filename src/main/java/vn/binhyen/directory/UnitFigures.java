package vn.binhyen.directory;

/** How much of the directory a unit has: the overview page's first row. */
public record UnitFigures(long villages, long groups, long groupMembers, long officers) {}
