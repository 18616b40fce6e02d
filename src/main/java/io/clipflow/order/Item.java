package io.clipflow.order;

/** Something that can be ordered, with the stock still free to be reserved. */
public record Item(long id, String name, long priceCents, int stock) {
}
