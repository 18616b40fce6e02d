package io.clipflow.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Something that can be ordered, as stored in {@code item}.
 *
 * @param priceCents the price of one unit in cents; an order's amount is fixed from it when the order is placed
 * @param stock      units still free to be reserved; never below zero (guarded update and a CHECK constraint).
 *                   A seckill event holds its own units in Redis and takes them from here only when its
 *                   orders are written, as every order does, through {@link Items#hold}
 */
@Schema(example = "{\"id\": 1, \"name\": \"Ring light\", \"priceCents\": 2599, \"stock\": 5}")
public record Item(long id, String name, long priceCents, int stock) {
}
