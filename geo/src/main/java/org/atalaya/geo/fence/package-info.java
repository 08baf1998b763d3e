/** An exact, grid-accelerated index answering "which fences cover this point". */
package org.atalaya.geo.fence;
