import Vapor
import Plot
public enum WebPlaceholder {}
