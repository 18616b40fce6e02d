package io.clipflow.platform;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a client sends as JSON is read as written, or refused (400): Jackson's lenient defaults would store
 * {@code "quantity": 1.5} as 1, {@code "approved": "yes"} as true, a level {@code 0} as the first enum constant,
 * the first of two {@code quantity} keys never, a number as a date-time in 1970, and a body followed by garbage as
 * if the garbage were not there.
 * Text may not carry control characters other than tab and line breaks (PostgreSQL refuses NUL outright). Only
 * the HTTP converters read this way; the app's own JSON (Redis, redo log) keeps the shared mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // XML arrives on the class path with a dependency; /api speaks JSON only, and XML would bypass all of this
        converters.removeIf(MappingJackson2XmlHttpMessageConverter.class::isInstance);
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper mapper = shared.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (LogicalType numberOrFlag : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(numberOrFlag).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        return mapper.registerModule(new SimpleModule("clipflow-strict-input")
                .addDeserializer(String.class, new PlainText())
                .addDeserializer(OffsetDateTime.class, new TextOnly<>(OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME)));
    }

    /** A date-time written as text: Java time would take a bare number as seconds since 1970. */
    static final class TextOnly<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> parser;

        TextOnly(Class<T> type, JsonDeserializer<T> parser) {
            super(type);
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (!json.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T refused = (T) context.handleUnexpectedToken(handledType(), json);
                return refused;
            }
            return parser.deserialize(json, context);
        }
    }

    /** A JSON string without control characters, except tab, line feed and carriage return. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && hasControlCharacter(text)) {
                throw InvalidFormatException.from(parser, "control characters are not allowed in text", text,
                        String.class);
            }
            return text;
        }

        static boolean hasControlCharacter(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return true;
                }
            }
            return false;
        }
    }
}
