package io.pgdispatch.router.api;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns a request body that cannot be read into a 400 with an {@link ErrorBody} naming the field. Unknown fields
 * are refused too ({@code quarkus.jackson.fail-on-unknown-properties}): a misspelt setting, such as an allowlist,
 * must never be ignored in silence.
 */
public class RequestBodyExceptionMappers {

    /**
     * The JSON reader wraps a syntax error in a bare 400 WebApplicationException; it gets a message here, and every
     * other WebApplicationException keeps its own answer.
     */
    @ServerExceptionMapper
    public Response notJson(WebApplicationException failure) {
        if (failure.getCause() instanceof StreamReadException syntax) {
            return badRequest("the request body is not valid JSON: " + syntax.getOriginalMessage());
        }
        return failure.getResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException failure) {
        return badRequest("unknown field \"" + failure.getPropertyName() + "\" in the request body: the fields are "
            + known(failure.getKnownPropertyIds()));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException failure) {
        return badRequest("field \"" + path(failure.getPath()) + "\" in the request body has a value of the wrong"
            + " type: write " + expected(failure.getTargetType()));
    }

    private static String path(List<Reference> references) {
        StringBuilder path = new StringBuilder();
        for (Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(the whole body)" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON value of the documented type (see /q/openapi)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list of strings, such as [\"203.0.113.0/24\"]";
        }
        return "a JSON object";
    }

    private static String known(Collection<Object> fields) {
        return fields.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static Response badRequest(String message) {
        return Response.status(Status.BAD_REQUEST).entity(new ErrorBody(message)).build();
    }
}
