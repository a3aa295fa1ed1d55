/**
 * A project's targets: {@code packs.yaml} (pins, algorithm choices, local {@code .flm} overrides, RAM
 * windows), {@code packs.lock}, and target resolution from a name to a device, its flash regions and the
 * algorithm of each, with the reason it was chosen. Internals live in {@code dev.packs.project.internal}.
 */
package dev.packs.project;
