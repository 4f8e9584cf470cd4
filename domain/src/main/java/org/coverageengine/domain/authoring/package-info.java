/** Values of the author tools: pack test cases and their results, lint findings and the differences between packs. */
package org.coverageengine.domain.authoring;
