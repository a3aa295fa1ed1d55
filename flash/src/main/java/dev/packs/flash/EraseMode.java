package dev.packs.flash;

/** How the planner erases: per sector, the whole region at once, or chip erase when every sector is touched. */
public enum EraseMode {
  SECTOR,
  CHIP,
  AUTO
}
