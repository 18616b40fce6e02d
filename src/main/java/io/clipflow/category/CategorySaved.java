package io.clipflow.category;

/**
 * Published inside the transaction that saves a category, so that what a listener changes in the engine (the
 * pool's group, its grants, its Tasklist filter) commits or rolls back with the category itself.
 */
public record CategorySaved(Category category, boolean created) {
}
