/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guards the module's public surface: what it exports and what it requires. */
class ModuleTest {

  @Test
  void shouldExportOnlyTheApiPackage() throws Exception {
    ModuleDescriptor descriptor = descriptor();
    assertEquals("io.ckit.memconn", descriptor.name());
    assertEquals(
        Set.of("io.ckit.memconn"),
        descriptor.exports().stream()
            .peek(e -> assertEquals(Set.of(), e.targets(), "qualified export " + e))
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertEquals(Set.of(), descriptor.opens());
  }

  @Test
  void shouldRequireTheJettyModulesItsApiUsesTransitively() throws Exception {
    Set<String> transitive = descriptor().requires().stream()
        .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
        .map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet());
    Set<String> all = descriptor().requires().stream()
        .map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet());
    assertEquals(Set.of("org.eclipse.jetty.server", "org.eclipse.jetty.client", "org.eclipse.jetty.io"),
        transitive);
    assertEquals(Set.of("java.base", "org.eclipse.jetty.server", "org.eclipse.jetty.client",
        "org.eclipse.jetty.io", "org.eclipse.jetty.http2.server"), all);
  }

  /** Reads the compiled module-info.class next to {@link Pipe}, in a directory or a jar. */
  private static ModuleDescriptor descriptor() throws Exception {
    Path location = Path.of(Pipe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
        return ModuleDescriptor.read(in);
      }
    }
    try (JarFile jar = new JarFile(location.toFile());
        InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}
