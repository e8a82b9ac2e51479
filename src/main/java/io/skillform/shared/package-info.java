/**
 * The shared kernel: value objects every other package speaks in, such as {@link io.skillform.shared.Money}.
 * Nothing here knows about persistence beyond JPA mapping annotations, or about any use case.
 */
package io.skillform.shared;
