package io.pgdispatch.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands the shared {@link DispatchSystem} to test constructors and methods that ask for it. */
public final class DispatchSystemExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DispatchSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return DispatchSystem.get(context);
        } catch (Exception e) {
            throw new IllegalStateException("the system under test did not start: " + e.getMessage(), e);
        }
    }
}
