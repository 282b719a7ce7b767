/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
    assertEquals("io.ckit.advertise", descriptor.name());
    assertEquals(
        Set.of("io.ckit.advertise"),
        descriptor.exports().stream()
            .peek(e -> assertEquals(Set.of(), e.targets(), "qualified export " + e))
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertEquals(Set.of(), descriptor.opens());
  }

  @Test
  void shouldRequireOnlyJavaBase() throws Exception {
    assertEquals(
        Set.of("java.base"),
        descriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet()));
  }

  /** Reads the compiled module-info.class next to {@link Advertise}, in a directory or a jar. */
  private static ModuleDescriptor descriptor() throws Exception {
    Path location = Path.of(Advertise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
        return ModuleDescriptor.read(in);
      }
    }
    try (JarFile jar = new JarFile(location.toFile());
        InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
      return ModuleDescriptor.read(in);
    } catch (IOException e) {
      throw new IOException("cannot read module-info.class from " + location, e);
    }
  }
}
