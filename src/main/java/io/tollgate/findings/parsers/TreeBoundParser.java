package io.tollgate.findings.parsers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.util.Locale;

/**
 * A parser that counts the tokens of each value read as a tree and refuses a tree past
 * {@link JsonReports#MAX_TREE_TOKENS} or {@link JsonReports#MAX_TREE_CHARS}: millions of tiny objects inside one result would otherwise all be held at once.
 * Tokens read outside trees are not counted: streaming them holds nothing.
 */
final class TreeBoundParser extends JsonParserDelegate {

    private long tokensLeft = Long.MAX_VALUE;
    private long charsLeft = Long.MAX_VALUE;

    TreeBoundParser(JsonParser parser) {
        super(parser);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends TreeNode> T readValueAsTree() throws IOException {
        tokensLeft = JsonReports.MAX_TREE_TOKENS;
        charsLeft = JsonReports.MAX_TREE_CHARS;
        try {
            return (T) getCodec().readTree(this);
        } finally {
            tokensLeft = Long.MAX_VALUE;
            charsLeft = Long.MAX_VALUE;
        }
    }

    @Override
    public JsonToken nextToken() throws IOException {
        count();
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.VALUE_STRING && charsLeft != Long.MAX_VALUE) {
            charsLeft -= delegate.getTextLength();
            if (charsLeft < 0) {
                charsLeft = Long.MAX_VALUE;
                throw new StreamConstraintsException(String.format(Locale.ROOT, "one value (a result, leak or advisory) "
                        + "holds more than %,d characters of text, more than Tollgate reads at once",
                        JsonReports.MAX_TREE_CHARS), delegate.currentLocation());
            }
        }
        return token;
    }

    @Override
    public String nextFieldName() throws IOException {
        count();
        return delegate.nextFieldName();
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
        count();
        return delegate.nextFieldName(name);
    }

    private void count() throws StreamConstraintsException {
        if (--tokensLeft < 0) {
            tokensLeft = Long.MAX_VALUE;
            throw new StreamConstraintsException(String.format(Locale.ROOT, "one value (a result, leak or advisory) holds more than %,d tokens, more than Tollgate reads at once",
                    JsonReports.MAX_TREE_TOKENS), delegate.currentLocation());
        }
    }
}
