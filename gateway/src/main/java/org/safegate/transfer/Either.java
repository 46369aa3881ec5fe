package org.safegate.transfer;

import java.util.function.Function;

/** A result that is either a refusal (left) or a value (right); used where both are expected outcomes. */
public sealed interface Either<L, R> {
    record Left<L, R>(L value) implements Either<L, R> {
    }

    record Right<L, R>(R value) implements Either<L, R> {
    }

    static <L, R> Either<L, R> left(L value) {
        return new Left<>(value);
    }

    static <L, R> Either<L, R> right(R value) {
        return new Right<>(value);
    }

    default <T> T fold(Function<L, T> onLeft, Function<R, T> onRight) {
        if (this instanceof Left<L, R> left) {
            return onLeft.apply(left.value());
        }
        return onRight.apply(((Right<L, R>) this).value());
    }
}
