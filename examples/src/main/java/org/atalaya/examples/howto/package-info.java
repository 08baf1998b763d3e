/**
 * Small runnable programs, one per use case, each under a page of code; {@code ExamplesTest} runs
 * every one of them, so they never rot.
 */
package org.atalaya.examples.howto;
