package dev.labforge.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What a template may call: the instance methods labforge's own values declare (a view's components,
 * {@code User.hasPassword()}) and {@link Escape}'s static methods, nothing else. A user's template
 * ({@code --templates}) is code, so no Java class outside labforge is reachable from it: not
 * {@code getClass()}, not a {@code java.*} value's methods, no constructor, no field.
 */
final class TemplateMemberAccess implements MemberAccessPolicy {
  private static final String OURS = "dev.labforge.";

  private static final ClassMemberAccessPolicy POLICY = new ClassMemberAccessPolicy() {
    @Override
    public boolean isMethodExposed(Method method) {
      Class<?> declaring = method.getDeclaringClass();
      if (!declaring.getName().startsWith(OURS)) {
        return false;
      }
      // a static method is reachable through any instance of its class: only the escapers are meant to be
      return !Modifier.isStatic(method.getModifiers()) || declaring == Escape.class;
    }

    @Override
    public boolean isConstructorExposed(Constructor<?> constructor) {
      return false;
    }

    @Override
    public boolean isFieldExposed(Field field) {
      return false;
    }
  };

  @Override
  public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
    return POLICY;
  }

  @Override
  public boolean isToStringAlwaysExposed() {
    // ${value} prints a value's toString(), which is how a template writes any value at all
    return true;
  }
}
