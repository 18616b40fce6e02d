package io.clipflow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an {@code /api} operation answers besides those every operation may give (401, 400
 * {@code REJECTED_REQUEST}/{@code VALIDATION}, 503, and with a JSON body the body's 400s and 415). The API
 * document's error responses are written from it, one per status, each listing its codes; every {@code /api}
 * handler carries it, {@code @ApiErrors({})} when there is nothing more.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrors {

    ProblemCode[] value();
}
