package org.atalaya.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.function.Consumer;
import org.atalaya.spi.Extension;

/**
 * Wraps an extension so that every call into plugin code that fails names the plugin. An unchecked
 * exception or error (other than a virtual machine error) escaping a plugin method is recorded as
 * an {@link PluginCode#FAILED_IN_USE} issue and rethrown as a {@link PluginFailureException};
 * checked exceptions the method declares (an importer's {@code IOException}) pass through
 * unchanged, since they report the input, not a bug. Objects a plugin returns through an Atalaya
 * interface (the writer an exporter opens) are wrapped too.
 */
final class Guard implements InvocationHandler {

  private final Object target;
  private final String pluginId;
  private final String extensionId;
  private final String source;
  private final Consumer<PluginIssue> issues;

  private Guard(
      Object target,
      String pluginId,
      String extensionId,
      String source,
      Consumer<PluginIssue> issues) {
    this.target = target;
    this.pluginId = pluginId;
    this.extensionId = extensionId;
    this.source = source;
    this.issues = issues;
  }

  static <T extends Extension> T extension(
      Class<T> type, T extension, String pluginId, String source, Consumer<PluginIssue> issues) {
    String id = extension.id();
    return wrap(type, extension, new Guard(extension, pluginId, id, source, issues));
  }

  private static <T> T wrap(Class<T> type, Object target, Guard guard) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, guard));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translate(method, e.getCause());
    }
    Class<?> returns = method.getReturnType();
    if (result != null
        && returns.isInterface()
        && returns.getName().startsWith("org.atalaya.")
        && !Proxy.isProxyClass(result.getClass())) {
      return wrap(returns, result, new Guard(result, pluginId, extensionId, source, issues));
    }
    return result;
  }

  private Throwable translate(Method method, Throwable cause) {
    if (cause instanceof VirtualMachineError) {
      return cause;
    }
    if (!(cause instanceof RuntimeException) && !(cause instanceof Error)) {
      for (Class<?> declared : method.getExceptionTypes()) {
        if (declared.isInstance(cause)) {
          return cause;
        }
      }
    }
    if (cause instanceof PluginFailureException) {
      return cause; // already named (a guarded object handed back to us)
    }
    PluginFailureException failure =
        new PluginFailureException(pluginId, extensionId, method.getName(), cause);
    issues.accept(
        new PluginIssue(
            PluginCode.FAILED_IN_USE,
            Optional.of(pluginId),
            Optional.of(target.getClass().getName()),
            source,
            extensionId + "." + method.getName() + ": " + cause));
    return failure;
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return pluginId + "/" + extensionId;
    }
  }
}
