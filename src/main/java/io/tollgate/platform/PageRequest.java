package io.tollgate.platform;

import io.quarkus.panache.common.Page;

/** A validated page of a list: zero-based index and size, capped so a client cannot ask for everything at once. */
public record PageRequest(int index, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer index, Integer size) {
        int i = index == null ? 0 : index;
        int s = size == null ? DEFAULT_SIZE : size;
        if (i < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(i, s);
    }

    public Page panache() {
        return Page.of(index, size);
    }
}
