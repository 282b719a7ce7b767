/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Pins the module's public surface: which packages it exports, and that none is qualified. */
class ModuleTest {
  @Test
  void shouldExportOnlyThePublicPackages() throws IOException, URISyntaxException {
    Path classes = Path.of(Key.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> packages;
    try (Stream<Path> files = Files.walk(classes)) {
      packages =
          files
              .filter(f -> f.toString().endsWith(".class") && f.getParent() != null)
              .map(f -> classes.relativize(f.getParent()).toString().replace('/', '.'))
              .filter(pkg -> !pkg.isEmpty())
              .collect(Collectors.toSet());
    }
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in, () -> packages);
    }
    assertEquals("io.ckit.shard", descriptor.name());
    assertEquals(
        Set.of("io.ckit.peer", "io.ckit.shard"),
        descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertTrue(descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    assertEquals(Set.of("io.ckit.peer", "io.ckit.shard", "io.ckit.shard.internal"),
        descriptor.packages());
    assertEquals(Set.of("java.base"),
        descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet()));
  }
}
