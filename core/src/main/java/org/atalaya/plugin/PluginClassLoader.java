package org.atalaya.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class loader of one jar in the plugins directory. Atalaya's API, and the libraries its
 * signatures expose, always come from the host (parent first): a plugin must see the very {@code
 * AtalayaPlugin} class the host sees, or its extensions would be invisible (PF4J's "extension not
 * found"). Everything else is looked up in the jar first, so a plugin can bundle its own version of
 * a library without clashing with the host's or another plugin's.
 */
final class PluginClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  // Packages whose types cross the plugin boundary: they must be the host's own classes.
  private static final List<String> HOST_FIRST =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "org.atalaya.",
          "org.apiguardian.",
          "org.slf4j.",
          "org.locationtech.jts.");

  PluginClassLoader(URL jar, ClassLoader host) {
    super(new URL[] {jar}, host);
  }

  static boolean hostFirst(String className) {
    for (String p : HOST_FIRST) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = hostFirst(name) ? hostThenJar(name) : jarThenHost(name);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private Class<?> hostThenJar(String name) throws ClassNotFoundException {
    try {
      return getParent().loadClass(name);
    } catch (ClassNotFoundException e) {
      // A plugin's own classes may live under org.atalaya too (examples do).
      return findClass(name);
    }
  }

  private Class<?> jarThenHost(String name) throws ClassNotFoundException {
    try {
      return findClass(name);
    } catch (ClassNotFoundException e) {
      return getParent().loadClass(name);
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Set<URL> all = new LinkedHashSet<>(Collections.list(findResources(name)));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }
}
