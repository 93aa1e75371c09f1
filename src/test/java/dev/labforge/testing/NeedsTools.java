package dev.labforge.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * A jqwik property (or container) that needs real tools. Outside CI, a missing tool skips it as a
 * whole, visibly, before the first try: an assumption inside each try would instead reject every
 * try and fail the property as "exhausted". Under CI=true nothing is skipped, so the body's own
 * {@link RealTools#require} or {@link Hcl2Json#require} fails on the first try.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@AddLifecycleHook(NeedsTools.Hook.class)
public @interface NeedsTools {
  /** Executables that must be on PATH. */
  String[] value() default {};

  /** Whether HashiCorp's HCL parser (node and src/test/node/node_modules) is needed too. */
  boolean hcl2json() default false;

  /** Skips the annotated property or container when a tool is missing, outside CI. */
  final class Hook implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      Optional<NeedsTools> needs = context.findAnnotation(NeedsTools.class);
      if (needs.isEmpty() || RealTools.inCi()) {
        return SkipResult.doNotSkip();
      }
      Optional<String> missing = RealTools.missing(needs.get().value());
      if (missing.isEmpty() && needs.get().hcl2json()) {
        missing = Hcl2Json.missing();
      }
      return missing.map(m -> SkipResult.skip(m + "; skipped outside CI")).orElse(SkipResult.doNotSkip());
    }
  }
}
