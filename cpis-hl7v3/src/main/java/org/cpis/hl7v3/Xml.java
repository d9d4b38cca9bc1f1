package org.cpis.hl7v3;

import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The JDK's own StAX factories, set up once, and an indenting element writer over them. */
final class Xml {

  private Xml() {}

  /** The deepest nesting a message may have; the CP-IS messages need about 15 levels. */
  static final int MAX_ELEMENT_DEPTH = 100;

  /**
   * The JDK's built-in StAX input factory, whatever else is on the class path, with {@link
   * Hl7V3#applyStandardReadSettings}'s DTDs off (a document that has one is refused), no external
   * entities and namespaces on, and no access to external DTDs or schemas. The StAX factory takes
   * no secure-processing feature (the JDK refuses it); its {@code jdk.xml} limits apply by
   * default, and the element depth is limited to {@value #MAX_ELEMENT_DEPTH}.
   */
  static XMLInputFactory inputFactory() {
    XMLInputFactory factory = Hl7V3.applyStandardReadSettings(XMLInputFactory.newDefaultFactory());
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setProperty("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not read: " + systemId);
        });
    return factory;
  }

  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

  /** A line break and the indentation of each depth, made once. */
  private static final String[] INDENT = new String[32];

  static {
    for (int i = 0; i < INDENT.length; i++) {
      INDENT[i] = "\n" + "  ".repeat(i);
    }
  }

  private static String indentation(int depth) {
    return depth < INDENT.length ? INDENT[depth] : "\n" + "  ".repeat(depth);
  }

  /**
   * Writes one message: elements in {@value Hl7V3#NAMESPACE} (the default namespace), {@code
   * npfitlc:contentId} in the localisation namespace, two spaces of indentation per level.
   */
  static final class Out implements AutoCloseable {
    private final XMLStreamWriter xml;
    private final Deque<boolean[]> open = new ArrayDeque<>();

    Out(Writer writer) {
      try {
        xml = OUTPUT.createXMLStreamWriter(writer);
        xml.writeStartDocument("UTF-8", "1.0");
      } catch (XMLStreamException e) {
        throw new IllegalStateException("cannot start an XML document", e);
      }
    }

    /** The document element, declaring both namespaces. */
    Out root(String name) {
      try {
        xml.writeCharacters("\n");
        xml.writeStartElement("", name, Hl7V3.NAMESPACE);
        xml.writeDefaultNamespace(Hl7V3.NAMESPACE);
        xml.writeNamespace("npfitlc", Hl7V3.LOCALISATION_NAMESPACE);
        open.push(new boolean[1]);
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    Out start(String name) {
      try {
        indent();
        xml.writeStartElement("", name, Hl7V3.NAMESPACE);
        open.push(new boolean[1]);
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    Out attr(String name, String value) {
      try {
        xml.writeAttribute(name, value);
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    /** The text of the element just started; it then holds no child element. */
    Out text(String text) {
      try {
        xml.writeCharacters(text);
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    Out end() {
      try {
        boolean[] hadChildren = open.pop();
        if (hadChildren[0]) {
          xml.writeCharacters(indentation(open.size()));
        }
        xml.writeEndElement();
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    /** An element with attributes and nothing inside: {@code leaf("id", "root", r, "extension", e)}. */
    Out leaf(String name, String... attributes) {
      try {
        indent();
        xml.writeEmptyElement("", name, Hl7V3.NAMESPACE);
        for (int i = 0; i < attributes.length; i += 2) {
          xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    /** An element holding only text. */
    Out textLeaf(String name, String text) {
      return start(name).text(text).end();
    }

    /** {@code <npfitlc:contentId root="…18.16" extension="…"/>}. */
    Out contentId(String extension) {
      try {
        indent();
        xml.writeEmptyElement("npfitlc", "contentId", Hl7V3.LOCALISATION_NAMESPACE);
        xml.writeAttribute("root", Hl7V3.CONTENT_ID_ROOT);
        xml.writeAttribute("extension", extension);
        return this;
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    private void indent() throws XMLStreamException {
      if (!open.isEmpty()) {
        open.peek()[0] = true;
      }
      xml.writeCharacters(indentation(open.size()));
    }

    @Override
    public void close() {
      try {
        while (!open.isEmpty()) {
          end();
        }
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    private static IllegalStateException failed(XMLStreamException e) {
      return new IllegalStateException("cannot write the message", e);
    }
  }
}
